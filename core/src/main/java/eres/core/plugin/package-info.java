/** Package plugin. */
package eres.core.plugin;

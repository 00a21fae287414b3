/** Package panel. */
package eres.core.panel;

/** Package panel. */
package eres.api.panel;

/** Package geo. */
package eres.core.geo;

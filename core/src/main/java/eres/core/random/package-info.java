/** Package random. */
package eres.core.random;

/** Package random. */
package eres.api.random;

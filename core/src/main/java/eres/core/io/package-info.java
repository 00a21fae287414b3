/** Package io. */
package eres.core.io;

/** Package exec. */
package eres.core.exec;

/** Package chain. */
package eres.core.chain;

/** Package table. */
package eres.core.table;

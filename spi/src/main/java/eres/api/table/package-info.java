/** Package table. */
package eres.api.table;

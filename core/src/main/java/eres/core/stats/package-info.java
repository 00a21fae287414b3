/** Package stats. */
package eres.core.stats;

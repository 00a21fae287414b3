/** Package stats. */
package eres.api.stats;

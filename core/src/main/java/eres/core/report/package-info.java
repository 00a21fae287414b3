/** Package report. */
package eres.core.report;

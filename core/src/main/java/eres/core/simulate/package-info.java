/**
 * The seeded synthetic study panel (issue 9): 31 real provinces, 2008-2022, every variable of the
 * study chain, generated from structural equations with planted truths. Internal: exported only to the
 * command-line module (and read by the recovery tests). See docs/synthetic-data.md.
 */
package eres.core.simulate;

/**
 * Composite indices: the parameter shape shared by every weighting method ({@link eres.core.index.IndexParameters}),
 * indicator normalisation ({@link eres.core.index.IndicatorMatrix}), the weighting-rule extension used by
 * the index plugins ({@link eres.core.index.WeightingRule}) and the pipeline that turns weights into an
 * index column, the weights table (Table 1 layout) and per entity-year values
 * ({@link eres.core.index.CompositeIndex}). Specification: docs/methods/composite-index.md.
 */
package eres.core.index;

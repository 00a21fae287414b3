/**
 * Composite indices: the parameter shape shared by every weighting method ({@link eres.api.index.IndexParameters}),
 * indicator normalisation ({@link eres.api.index.IndicatorMatrix}), the weighting-rule extension used by
 * the index plugins ({@link eres.api.index.WeightingRule}) and the pipeline that turns weights into an
 * index column, the weights table (Table 1 layout) and per entity-year values
 * ({@link eres.api.index.CompositeIndex}). Specification: docs/methods/composite-index.md.
 */
package eres.api.index;

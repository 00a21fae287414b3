/**
 * Thematic maps shared by plugins and report writers: Jenks (Fisher) natural-breaks classification,
 * a GeoJSON polygon reader, the Albers equal-area projection and self-contained SVG choropleth maps.
 */
package eres.api.map;

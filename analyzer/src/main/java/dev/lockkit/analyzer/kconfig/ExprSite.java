package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.ExprParser;

/**
 * A parsed Kconfig expression and where it was written, for the unknown-symbol check. Its own file
 * so that {@link FeatureModel} does not depend on the parser that calls it (no type cycle).
 */
record ExprSite(ExprParser.Parsed parsed, Location location) {}

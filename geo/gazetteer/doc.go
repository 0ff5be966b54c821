// Package gazetteer finds Mexico's places by name: INEGI's localities,
// municipalities and states, accent- and case-blind, ranked by how well
// the name matches and how many people live there. It also holds the
// localities' compact file, which the generator in assets/gen writes.
package gazetteer

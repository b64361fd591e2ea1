//! Unit tests of the serious-incident engine, worked out by hand.

"""Normalization: Italian numbers, the comuni gazetteer, fuzzy resolution, entities, cell repair."""

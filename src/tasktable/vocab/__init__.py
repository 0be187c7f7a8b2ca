"""Vocabularies as data: header synonyms, shape cues, date cue words. No logic lives here."""

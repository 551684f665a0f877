package io.streamrec.model.sequence;

/** An item the sequence model expects next, with its score (a logit: comparable within one list only). */
public record NextItem(String item, float score) {}

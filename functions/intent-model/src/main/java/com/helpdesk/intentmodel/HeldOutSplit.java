package com.helpdesk.intentmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The training and held-out parts of the corpus: stratified by intent and language (each pair gives the same share
 * to the held-out part) and shuffled with a fixed seed, so the build and the tests see the same split.
 */
public record HeldOutSplit(List<LabelledText> training, List<LabelledText> heldOut) {
    public static final long SEED = 20261201L;
    public static final double HELD_OUT_SHARE = 0.2;

    public static HeldOutSplit of(List<LabelledText> examples) {
        Map<String, List<LabelledText>> strata = new LinkedHashMap<>();
        for (LabelledText e : examples) {
            strata.computeIfAbsent(e.intent().wire() + "/" + e.language(), k -> new ArrayList<>()).add(e);
        }
        Random random = new Random(SEED);
        List<LabelledText> training = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (List<LabelledText> stratum : strata.values()) {
            List<LabelledText> shuffled = new ArrayList<>(stratum);
            Collections.shuffle(shuffled, random);
            int held = (int) Math.round(shuffled.size() * HELD_OUT_SHARE);
            heldOut.addAll(shuffled.subList(0, held));
            training.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new HeldOutSplit(List.copyOf(training), List.copyOf(heldOut));
    }
}

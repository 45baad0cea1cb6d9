package com.helpdesk.intentmodel;

import com.helpdesk.core.triage.IntentName;

/** One example of the corpus: what a customer wrote, in which language, and what they wanted. */
public record LabelledText(IntentName intent, String language, String text) {}

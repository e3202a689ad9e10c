package org.marginlab.app.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/**
 * One position of a {@link Draft}: what the user typed and chose, as text, before any parsing.
 * Immutable; every edit makes a new draft ({@code with…} methods).
 *
 * @param id            the position's id, unique in its workspace, not blank
 * @param template      the position as it was loaded (keeps its explicit tiers, max leverage and
 *                      venue inputs that have no field in the editor), or null for a new one
 * @param symbol        the instrument symbol, not null
 * @param side          long or short, not null
 * @param mode          isolated or cross, not null
 * @param contract      linear or inverse, not null
 * @param texts         the typed text of every position field (all {@link InputField}s but
 *                      {@link InputField#MARGIN_DELTA}); a missing field reads as empty
 * @param marginLinked  whether the isolated margin follows the leverage (it is the initial
 *                      margin at entry, and a change of leverage, quantity or entry price moves
 *                      the difference between the position and the cross wallet); false once the
 *                      user chose a margin of their own (typed it, or applied a what-if)
 */
public record PositionDraft(String id, Position template, String symbol, Side side, MarginMode mode,
        ContractType contract, Map<InputField, String> texts, boolean marginLinked) {

    /** Copies the texts into an unmodifiable map. */
    public PositionDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(contract, "contract");
        EnumMap<InputField, String> copy = new EnumMap<>(InputField.class);
        for (Map.Entry<InputField, String> e : texts.entrySet()) {
            if (e.getKey() != InputField.MARGIN_DELTA) {
                copy.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
            }
        }
        texts = Collections.unmodifiableMap(copy);
    }

    /**
     * @param field  a position field
     * @return its typed text, empty when none; never null
     */
    public String text(InputField field) {
        return texts.getOrDefault(field, "");
    }

    /**
     * @param field  a position field (not the margin change)
     * @param text   the new text, null reads as empty
     * @return a copy with that text
     */
    public PositionDraft withText(InputField field, String text) {
        if (field == InputField.MARGIN_DELTA) {
            throw new IllegalArgumentException("the margin change is a pending transfer, not a position field");
        }
        EnumMap<InputField, String> t = new EnumMap<>(InputField.class);
        t.putAll(texts);
        t.put(field, text == null ? "" : text);
        return new PositionDraft(id, template, symbol, side, mode, contract, t, marginLinked);
    }

    /** @return a copy with another id */
    public PositionDraft withId(String newId) {
        return new PositionDraft(newId, template, symbol, side, mode, contract, texts, marginLinked);
    }

    /** @return a copy with another symbol */
    public PositionDraft withSymbol(String newSymbol) {
        return new PositionDraft(id, template, newSymbol, side, mode, contract, texts, marginLinked);
    }

    /** @return a copy on the other side */
    public PositionDraft withSide(Side newSide) {
        return new PositionDraft(id, template, symbol, newSide, mode, contract, texts, marginLinked);
    }

    /** @return a copy in another margin mode (no money moves: see {@link DraftEdits} for the transfer) */
    public PositionDraft withMode(MarginMode newMode) {
        return new PositionDraft(id, template, symbol, side, newMode, contract, texts, marginLinked);
    }

    /** @return a copy with another contract type */
    public PositionDraft withContract(ContractType newContract) {
        return new PositionDraft(id, template, symbol, side, mode, newContract, texts, marginLinked);
    }

    /** @return a copy whose margin does or does not follow the leverage */
    public PositionDraft withMarginLinked(boolean linked) {
        return new PositionDraft(id, template, symbol, side, mode, contract, texts, linked);
    }
}

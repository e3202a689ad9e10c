package org.marginlab.app.export;

/**
 * One part of the PDF handout (the header, the account, the positions, the derivations, the
 * comparison, the charts; a lesson's steps). A handout is a list of sections written in order by
 * {@link HandoutPdf#write}: a new kind of content is a new section, added to the list that
 * {@link HandoutSections#standard} returns.
 */
@FunctionalInterface
public interface HandoutSection {

    /**
     * Writes this section at the current place of the document.
     *
     * @param pdf  the document being written, with its fonts and building blocks, not null
     */
    void render(HandoutPdf pdf);
}

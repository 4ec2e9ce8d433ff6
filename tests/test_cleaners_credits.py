"""ImageCredit: credit lines and captions ending in one (cleaners/credits.py)."""

from __future__ import annotations

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.credits import ImageCredit, ends_with_credit
from cleaners.phrasebook import default_phrasebook

import judging

CAPTIONS = [
    # a caption whose last sentence is its credit
    "移動スーパーのトラックに集まる住民たち（２６日、北原県ひばり町で）＝木下翔撮影",
    "記者会見する首相（２６日、首相官邸で）＝共同",
    "Un pozo de riego abandonado en una finca de la Vega, el pasado octubre.ANTONIO LÓPEZ",
    "Il mulino di Ca' Bruciata, sul torrente Vessano. Foto di Luca Neri",
    'La balsa "Doña Elvira" cruzó el riacho en su primer viaje. Gentileza Municipalidad de Puerto Garzas',
    # an agency's caption signed after a dash, however long the caption
    "I mosaici emersi nell'area del parcheggio di Castel Serrano - RIPRODUZIONE RISERVATA",
    "Port Avel has been without a permanent GP since 2024. Jonah Reeve/Stockline",
    "Ciepłownia miejska w Borowcu Nadrzecznym (fot. Paweł Zając / Horyzont24)",  # the credit in brackets
    # the photographer and the outlet after a comma (BLOX/TownNews captions)
    "Traffic crosses the bridge on Monday. The span has had a 10-ton limit since 2023. Jordan Pike, Ridgeline Courier",
    # credit lines, and captions ending in one after a label, an abbreviation or an agency
    "Photo: Alex Kim/Reuters",
    "Foto: picture alliance/dpa/Michael Kappeler",
    "Fot. PAP/Adam Warżawa",
    "Crédit photo : AFP",
    "Pickers at work near Valencia on Monday. Foto: Jane Roe/dpa",
    "Die Fähre im Hafen von Kiel (Foto: Privat)",
    "Striking staff outside the library last year. Photograph: Alex Kim/Reuters",
    "Dmitry Muratov, periodista ruso y Premio Nobel de la Paz (REUTERS/Denis Balibouse)",
    "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE",
    "Zalana ulica Młyńska na Zarzeczu w sobotę rano fot. Tomasz Wrona/APN",  # an abbreviation opens it
    "Image caption, Some stations on the Ormsby Valley line would lose their last train of the evening under the plans",
    "Vista del embalse de Iznájar, el pasado 28 de febrero. Paco Ortega (EL MERIDIANO)",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_drops_credits_and_captions_ending_in_one(line: str):
    assert judging.judge(ImageCredit(), [line])[0] == [line]


SENTENCES = [
    # an agency signing a news paragraph is no photo credit
    "Die FDP lehnt die Pläne ab, Bundeskanzler Olaf Scholz hat sich dazu bisher skeptisch geäußert. (dpa)",
    "Das Team fuhr im Vergleich vs. Teamkollege Hartley Verstappen/Kvyat",
    # a comment signed after its greeting: more sentences than a caption holds
    "Sie können mich gerne kontaktieren. Folgen Sie dem Link. Ich melde mich dann. Viele Grüße, Christoph Langner",
    # sentences that name a photo, a clock time, a job ad, a norm, a company
    "Photo: a new way of seeing, the artist said in the interview yesterday afternoon.",
    "Photographs of the flood were shared thousands of times on Monday.",
    "The mayor said: photo: the river at dawn was what she showed the council, and it convinced them all.",
    "Die Sitzung beginnt um 10:30 Uhr im großen Saal des Rathauses.",
    "Kaufmännische Sachbearbeitung als Finanzbuchhalter oder Steuerfachangestellter (m/w/d)",
    "Blindleistungsmessung und Genauigkeit nach der Norm: Klasse 2 (IEC/EN 62053-23)",
    "Homöopathisches Laboratorium Alexander Pflüger GmbH & Co. KG",
    "The council met on Monday and (after a long debate) approved the plan.",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_keeps_sentences_that_merely_look_credited(line: str):
    assert judging.judge(ImageCredit(), [line]) == ([], [])


def test_ends_with_credit_needs_a_caption_before_the_credit():
    book = default_phrasebook()
    assert ends_with_credit("Pickers at work near Valencia on Monday. Foto: Jane Roe/dpa", book)
    assert not ends_with_credit("Foto: Jane Roe/dpa", book)  # a credit line alone: the phrase's, not a caption's

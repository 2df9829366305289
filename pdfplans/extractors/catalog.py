"""Every canonical table, declared once: columns, roles (header synonyms, value kinds), caption words.

Adding a table is adding a ``TableSpec`` here (and a row builder in ``normalize/builders.py`` only
when the generic one does not do); ``schema.py`` derives the columns and their types from these.

Tables are found by these, never by letter, page or position, so that numbered chapters, named
sections and other orders map onto the same ids. Synonyms are compared after normalization
(lower case, no accents or punctuation), token by token.
"""
from __future__ import annotations

import re

from .spec import ENTE_COLUMNS, UNIT_COLUMNS, Role, TableSpec, check_specs, column_types

__all__ = ["COLUMN_TYPES", "EMPTY_MARKER", "SPECS", "SPECS_BY_ID", "Role", "TableSpec", "header_vocabulary"]


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


ENTE = Role("ente", ("ragione sociale ente proprietario", "ente proprietario", "ragione sociale ente", "ente", "proprietario"), "ente")
COMUNE = Role("comune", ("comune", "comuni", "localita", "comune di ubicazione"), "name")
COMUNE_OPTIONAL = Role("comune", COMUNE.synonyms, "name", required=False)
UNITA = Role("unita", ("n u i", "n ui", "numero u i", "numero unita", "n alloggi", "numero alloggi", "unita abitative", "alloggi", "numero"), "int")
EMPTY_MARKER = _re(
    r"\bnessun[oa]?\b|non\s+(risultano|sono\s+(state\s+)?comunicat|ha(nno)?\s+comunicato)|non\s+presenti"
    r"|non\s+(sono|risultano|vi\s+sono)\s+(previst|disponibil|programmat)"
)

SPECS: tuple[TableSpec, ...] = (
    TableSpec(
        "popolazione",
        (
            Role("at", ("aggregazione territoriale", "aggregazione", "at", "sub ambito", "area"), "text", required=False, carry_down=True),
            COMUNE,
            Role("popolazione", ("popolazione", "abitanti", "residenti", "tot", "totale", "popolazione residente", "popolazione totale"), "int"),
            # population by age band: the bands are read (so the header is recognized) and TOT. is the figure
            # (band labels only: words like "anziani" also occur in prose and would make it look like a header)
            Role("eta_minori", ("0 18 anni", "0 17 anni", "0 14 anni", "fascia 0 18"), "int", required=False),
            Role("eta_adulti", ("19 64 anni", "18 64 anni", "15 64 anni", "fascia 19 64"), "int", required=False),
            Role("eta_anziani", ("oltre 65 anni", "65 anni e oltre", "over 65"), "int", required=False),
        ),
        ("at", "comune", "comune_istat", "popolazione", "is_total"),
        builder="popolazione",
        at_groups=True,
        caption=_re(r"popolazione|abitanti|residenti|dati demografici"),
        headerless=True,
    ),
    TableSpec(
        "a_consistenza",
        (
            Role("ente", ENTE.synonyms + ("comune",), "ente"),
            Role("alloggi_totali",
                 ("n alloggi complessivi", "alloggi complessivi", "numero alloggi", "totale alloggi", "n alloggi totali", "consistenza"), "units_di_cui"),
            Role("alloggi_sap", ("n alloggi sap", "alloggi sap", "di cui sap", "sap"), "int"),
            Role("alloggi_sas", ("n alloggi sas", "alloggi sas", "di cui sas", "sas"), "int"),
        ),
        (*ENTE_COLUMNS, "alloggi_totali", "alloggi_sap", "alloggi_sas", "alloggi_altri_usi", "is_total"),
        builder="a_consistenza",
        caption=_re(r"consistenz"),
        key="ente",
    ),
    TableSpec("b_carenza_manutentiva", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, may_be_empty=True, key="ente",
              caption=_re(r"carenz\w* manutentiv|stato di fatto")),
    TableSpec("c_ristrutturazione", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, may_be_empty=True, key="ente",
              caption=_re(r"ristruttura\w*,? (recupero|e)|riqualificazion|piani e programmi gi\S* formalizzati di ristrut")),
    TableSpec("d_nuova_edificazione", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, may_be_empty=True, key="ente", absent_is_zero=True,
              caption=_re(r"nuova edificazion")),
    TableSpec(
        "e_libere",
        (ENTE, COMUNE_OPTIONAL, Role("codice_id", ("codice id", "codice", "id alloggio", "codice alloggio", "id", "identificativo"), "code")),
        (*ENTE_COLUMNS, "codice_id", "nota"),
        builder="e_libere",
        caption=_re(r"gi\S*\s+liber[ei]\b|unit\S* liber[ei]\b"),
        may_be_empty=True,
        key="ente",
    ),
    TableSpec("e_turnover", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, may_be_empty=True, key="ente", absent_is_zero=True,
              caption=_re(r"avvicendament|turn\s?-?over|si libereranno")),
    TableSpec("f_conferite_privati", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, may_be_empty=True, key="ente", absent_is_zero=True,
              caption=_re(r"conferit\w*.{0,40}privat|privat\w*.{0,40}conferit")),
    TableSpec(
        "g_assegnabili",
        (
            ENTE,
            COMUNE_OPTIONAL,
            Role("liberi", ("n alloggi liberi", "alloggi liberi", "liberi", "libere", "unita libere"), "liberi"),
            Role("ristrutturazione",
                 ("n alloggi da ristrutturazioni", "alloggi da ristrutturazione", "ristrutturazioni", "ristrutturazione", "da ristrutturare"), "int"),
            Role("carenza_manutentiva", ("n alloggi in carenza manutentiva assegnabili nello stato di fatto", "carenza manutentiva", "stato di fatto"), "int"),
            Role("totale", ("totale alloggi in previsione", "totale", "tot", "totale alloggi"), "int"),
        ),
        (*ENTE_COLUMNS, "liberi", "liberi_turnover", "ristrutturazione", "carenza_manutentiva", "totale", "is_total"),
        builder="g_assegnabili",
        caption=_re(r"numero complessivo|complessiv\w* .{0,60}assegnabil|riepilogativo sap|somma del numero"),
        key="ente",
        parts=("b_carenza_manutentiva", "c_ristrutturazione", "d_nuova_edificazione", "e_libere", "e_turnover",
               "f_conferite_privati"),
    ),
    TableSpec(
        "h_soglia_indigenti",
        (COMUNE, Role("soglia_pct", ("soglia eccedente il 20", "soglia", "indigenti", "soglia indigenti", "percentuale indigenti", "indigenza"), "pct")),
        ("comune", "comune_istat", "soglia_pct"),
        caption=_re(r"indigen"),
    ),
    TableSpec(
        "i_categorie_aggiuntive",
        (COMUNE, Role("categoria", ("categoria", "categorie aggiuntive", "categoria aggiuntiva", "altra categoria"), "text")),
        ("comune", "comune_istat", "categoria"),
        caption=_re(r"categori\w* aggiuntiv|particolare rilevanza sociale"),
    ),
    TableSpec(
        "i_forze_polizia",
        (COMUNE, Role("quota_pct", ("quota forze di polizia", "forze di polizia", "quota", "percentuale", "categoria", "vigili del fuoco"), "pct")),
        ("comune", "comune_istat", "quota_pct"),
        caption=_re(r"forze di polizia|vigili del fuoco|\bff\.?\s?oo\b"),
    ),
    TableSpec("j_transitori", (ENTE, COMUNE_OPTIONAL, UNITA), UNIT_COLUMNS, caption=_re(r"transitori|\bsat\b"), may_be_empty=True, key="ente"),
    TableSpec(
        "k_assegnate_anno_precedente",
        (ENTE, COMUNE_OPTIONAL, Role("unita", UNITA.synonyms + ("assegnate",), "units_di_cui")),
        (*UNIT_COLUMNS, "di_cui_mobilita"),
        builder="k_assegnate_anno_precedente",
        caption=_re(r"assegnat\w*.{0,60}anno precedente|anno precedente"),
        may_be_empty=True,
        key="ente",
    ),
    TableSpec(
        "misure_sostegno",
        (
            Role("misura", ("misura", "misure", "intervento"), "text"),
            Role("riferimenti", ("riferimento normativo", "riferimenti normativi", "riferimento", "dgr", "normativa"), "dgr"),
            Role("finalita", ("finalita", "descrizione", "obiettivo"), "text"),
        ),
        ("misura", "riferimenti", "finalita"),
        builder="misure_sostegno",
        caption=_re(r"misure|sostegno"),
        caption_weight=0.1,
        key="misura",
    ),
    TableSpec(
        "fondi_solidarieta_comuni",
        (
            Role("aggregazione", ("aggregazioni territoriali", "aggregazione territoriale", "aggregazioni", "ambito"), "text", required=False, carry_down=True),
            Role("comune", ("comuni", "comune"), "name"),
            Role("fondo_eur", ("fondo disponibili", "fondo disponibile", "fondo", "importo", "risorse"), "euro"),
            Role("delega_aler", ("delega ad aler indicare si o no", "delega ad aler", "delega"), "si_no", required=False),
        ),
        ("aggregazione", "comune", "comune_istat", "fondo_eur", "delega_aler", "is_total"),
        builder="fondi_solidarieta_comuni",
        caption=_re(r"solidariet|fondi a disposizione"),
        caption_weight=0.2,
    ),
    TableSpec(
        "fondi_solidarieta_enti",
        (Role("ente", ("ente", "ente proprietario", "ente gestore"), "ente"), Role("fondo_eur", ("fondo disponibile", "fondo", "importo"), "euro")),
        (*ENTE_COLUMNS, "fondo_eur"),
        caption=_re(r"solidariet|fondi a disposizione"),
        caption_weight=0.2,
        key="ente",
    ),
    TableSpec(
        "riparto_misure",
        (
            Role("misura", ("misura", "misure"), "text"),
            Role("percentuale", ("percentuale di utilizzo", "percentuale", "quota"), "pct"),
            Role("risorse_eur", ("risorse a disposizione", "risorse", "importo"), "euro"),
            Role("finalita", ("finalita", "descrizione"), "text", required=False),
        ),
        ("misura", "percentuale", "risorse_eur", "finalita"),
        caption=_re(r"misura unica|complementare|morosit"),
        caption_weight=0.2,
        key="misura",
    ),
    TableSpec(
        "utilizzo_dgr",
        (
            Role("dgr", ("riferimento normativo", "dgr", "delibera"), "dgr"),
            Role("fondo_eur", ("fondo a disposizione", "fondo", "risorse"), "euro"),
            Role("domande_presentate", ("domande presentate", "presentate"), "int"),
            Role("domande_finanziate", ("domande finanziate", "finanziate", "ammesse"), "int"),
        ),
        ("dgr", "fondo_eur", "domande_presentate", "domande_finanziate"),
        builder="utilizzo_dgr",
        caption=_re(r"utilizzat|utilizzo"),
        caption_weight=0.2,
        key="dgr",
    ),
    TableSpec(
        "alienazioni",
        (
            Role("prog", ("prog", "progressivo", "n", "num"), "int"),
            Role("comune", ("localita", "comune"), "name"),
            Role("via", ("via", "indirizzo"), "text"),
        ),
        ("prog", "comune", "comune_istat", "via"),
        caption=_re(r"alienazion|piano di vendita|vendita"),
        caption_weight=0.3,
    ),
    TableSpec(
        "allegato_a",
        (
            Role("ente", ("ente proprietario",), "ente"),
            Role("data_ricezione", ("data ricezione",), "date"),
            Role("ora_ricezione", ("ora ricezione",), "time"),
            Role("ui_sas", ("numero u i per servizi abitativi sociali sas", "sociali sas"), "int"),
            Role("ui_sap", ("numero u i per servizi abitativi pubblici sap", "pubblici sap"), "int"),
            Role("ui_disponibili", ("numero complessivo u i disponibili nell anno", "complessivo disponibili"), "int"),
            Role("ui_libere_turnover", ("numero u i libere e che si libereranno per effetto del turnover", "libere turnover"), "int"),
            Role("ui_carenza_manutentiva", ("numero u i in carenza manutentiva assegnabili nello stato di fatto", "carenza manutentiva"), "int"),
            Role("ui_ristrutturazione",
                 ("numero u i disponibili per nuova edificazione ristrutturazione recupero riqualificazione", "nuova edificazione ristrutturazione"), "int"),
            Role("ui_transitori", ("numero u i per servizi abitativi transitori", "transitori"), "int"),
            Role("ui_assegnate_anno_precedente", ("numero u i assegnate l anno precedente", "assegnate anno precedente"), "int"),
            Role("ui_conferite_privati", ("numero u i conferite da privati", "conferite da privati"), "int"),
            Role("categoria_aggiuntiva", ("altra categoria di particolare rilevanza sociale", "categoria rilevanza sociale"), "text"),
            Role("soglia_indigenti_pct", ("soglia eccedente il 20 per indigenti", "soglia indigenti"), "pct"),
            Role("quota_forze_polizia_pct",
                 ("u i destinate a forze di polizia e corpo nazionale dei vigili del fuoco", "forze di polizia vigili del fuoco"), "pct"),
        ),
        (*ENTE_COLUMNS, "data_ricezione", "ora_ricezione", "ui_sas", "ui_sap", "ui_disponibili", "ui_libere_turnover",
         "ui_carenza_manutentiva", "ui_ristrutturazione", "ui_transitori", "ui_assegnate_anno_precedente", "ui_conferite_privati",
         "categoria_aggiuntiva", "soglia_indigenti_pct", "quota_forze_polizia_pct"),
        builder="allegato_a",
        caption=_re(r"\ball(?:egato\s*|\.\s*|\s+)a\b|report|piattaforma"),  # never "alla" of the prose
        caption_weight=0.2,
        key="ente",
    ),
    TableSpec(
        "allegato_b",
        (
            Role("ente_tipo", ("tipologia dell ente proprietario", "tipologia ente", "tipologia"), "text"),
            Role("id_alloggio", ("id alloggio", "id"), "code"),
            Role("codice_alloggio", ("codice alloggio dell ente", "codice alloggio", "codice"), "code"),
            Role("comune", ("comune",), "name"),
            Role("stato", ("stato dell unita immobiliare", "stato"), "text"),
        ),
        ("ente_tipo", "id_alloggio", "codice_alloggio", "comune", "comune_istat", "stato"),
        builder="allegato_b",
        caption=_re(r"\ball(?:egato\s*|\.\s*|\s+)b\b|dettaglio unit"),
        caption_weight=0.2,
    ),
)

check_specs(SPECS)
SPECS_BY_ID: dict[str, TableSpec] = {s.id: s for s in SPECS}
COLUMN_TYPES: dict[str, str] = column_types(SPECS)


def header_vocabulary() -> frozenset[str]:
    """Every token of every synonym: what header rows are made of."""
    from .headers import tokens

    words: set[str] = set()
    for spec in SPECS:
        for role in spec.roles:
            for synonym in role.synonyms:
                words.update(tokens(synonym))
    return frozenset(words | {"n", "numero", "di", "per", "del", "della", "in", "da", "e", "nell",
        "anno", "indicare", "si", "no", "o", "l", "il", "a", "dei", "nello", "ente", "u", "i", "ui", "corpo", "nazionale", "ad"})

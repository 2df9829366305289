"""What each canonical table *means*: caption patterns, header synonyms and value kinds.

Tables are found by these, never by letter, page or position, so that numbered chapters, named
sections and other orders map onto the same ids. Synonyms are compared after normalization
(lower case, no accents or punctuation), token by token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    name: str  # the role's value feeds the canonical column(s) of the same name, see records.py
    synonyms: tuple[str, ...]
    kind: str  # text | name | ente | int | units_di_cui | liberi | pct | euro | date | time | code | si_no | dgr
    required: bool = True
    carry_down: bool = False  # a merged cell (vertical) whose value holds for the rows below


@dataclass(frozen=True)
class TableSpec:
    id: str
    roles: tuple[Role, ...]
    caption: re.Pattern | None = None  # what the caption above the table says
    caption_weight: float = 0.5
    may_be_empty: bool = False  # "Nessun Ente Proprietario ha comunicato..." → zero rows
    headerless: bool = False  # may be printed with no header row (population by AT)
    key: str = "comune"  # role that names the row: rows with nothing here are totals or continuations

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


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
            Role("eta_minori", ("0 18 anni", "0 17 anni", "fascia 0 18"), "int", required=False),
            Role("eta_adulti", ("19 64 anni", "18 64 anni", "fascia 19 64"), "int", required=False),
            Role("eta_anziani", ("oltre 65 anni", "65 anni e oltre"), "int", required=False),
        ),
        caption=_re(r"popolazione|abitanti|residenti|dati demografici"),
        headerless=True,
    ),
    TableSpec(
        "a_consistenza",
        (
            Role("ente", ENTE.synonyms + ("comune",), "ente"),
            Role("alloggi_totali", ("n alloggi complessivi", "alloggi complessivi", "numero alloggi", "totale alloggi", "n alloggi totali", "consistenza"), "units_di_cui"),
            Role("alloggi_sap", ("n alloggi sap", "alloggi sap", "di cui sap", "sap"), "int"),
            Role("alloggi_sas", ("n alloggi sas", "alloggi sas", "di cui sas", "sas"), "int"),
        ),
        caption=_re(r"consistenz"),
        key="ente",
    ),
    TableSpec("b_carenza_manutentiva", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"carenz\w* manutentiv|stato di fatto"), may_be_empty=True, key="ente"),
    TableSpec("c_ristrutturazione", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"ristruttura\w*,? (recupero|e)|riqualificazion|piani e programmi gi\S* formalizzati di ristrut"), may_be_empty=True, key="ente"),
    TableSpec("d_nuova_edificazione", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"nuova edificazion"), may_be_empty=True, key="ente"),
    TableSpec(
        "e_libere",
        (ENTE, COMUNE_OPTIONAL, Role("codice_id", ("codice id", "codice", "id alloggio", "codice alloggio", "id", "identificativo"), "code")),
        caption=_re(r"gi\S*\s+liber[ei]\b|unit\S* liber[ei]\b"),
        may_be_empty=True,
        key="ente",
    ),
    TableSpec("e_turnover", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"avvicendament|turn\s?-?over|si libereranno"), may_be_empty=True, key="ente"),
    TableSpec("f_conferite_privati", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"conferit\w*.{0,40}privat|privat\w*.{0,40}conferit"), may_be_empty=True, key="ente"),
    TableSpec(
        "g_assegnabili",
        (
            ENTE,
            COMUNE_OPTIONAL,
            Role("liberi", ("n alloggi liberi", "alloggi liberi", "liberi", "libere", "unita libere"), "liberi"),
            Role("ristrutturazione", ("n alloggi da ristrutturazioni", "alloggi da ristrutturazione", "ristrutturazioni", "ristrutturazione", "da ristrutturare"), "int"),
            Role("carenza_manutentiva", ("n alloggi in carenza manutentiva assegnabili nello stato di fatto", "carenza manutentiva", "stato di fatto"), "int"),
            Role("totale", ("totale alloggi in previsione", "totale", "tot", "totale alloggi"), "int"),
        ),
        caption=_re(r"numero complessivo|complessiv\w* .{0,60}assegnabil|riepilogativo sap|somma del numero"),
        key="ente",
    ),
    TableSpec(
        "h_soglia_indigenti",
        (COMUNE, Role("soglia_pct", ("soglia eccedente il 20", "soglia", "indigenti", "soglia indigenti", "percentuale indigenti", "indigenza"), "pct")),
        caption=_re(r"indigen"),
    ),
    TableSpec(
        "i_categorie_aggiuntive",
        (COMUNE, Role("categoria", ("categoria", "categorie aggiuntive", "categoria aggiuntiva", "altra categoria"), "text")),
        caption=_re(r"categori\w* aggiuntiv|particolare rilevanza sociale"),
    ),
    TableSpec(
        "i_forze_polizia",
        (COMUNE, Role("quota_pct", ("quota forze di polizia", "forze di polizia", "quota", "percentuale", "categoria", "vigili del fuoco"), "pct")),
        caption=_re(r"forze di polizia|vigili del fuoco|\bff\.?\s?oo\b"),
    ),
    TableSpec("j_transitori", (ENTE, COMUNE_OPTIONAL, UNITA), caption=_re(r"transitori|\bsat\b"), may_be_empty=True, key="ente"),
    TableSpec(
        "k_assegnate_anno_precedente",
        (ENTE, COMUNE_OPTIONAL, Role("unita", UNITA.synonyms + ("assegnate",), "units_di_cui")),
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
        caption=_re(r"solidariet|fondi a disposizione"),
        caption_weight=0.2,
    ),
    TableSpec(
        "fondi_solidarieta_enti",
        (Role("ente", ("ente", "ente proprietario", "ente gestore"), "ente"), Role("fondo_eur", ("fondo disponibile", "fondo", "importo"), "euro")),
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
            Role("ui_ristrutturazione", ("numero u i disponibili per nuova edificazione ristrutturazione recupero riqualificazione", "nuova edificazione ristrutturazione"), "int"),
            Role("ui_transitori", ("numero u i per servizi abitativi transitori", "transitori"), "int"),
            Role("ui_assegnate_anno_precedente", ("numero u i assegnate l anno precedente", "assegnate anno precedente"), "int"),
            Role("ui_conferite_privati", ("numero u i conferite da privati", "conferite da privati"), "int"),
            Role("categoria_aggiuntiva", ("altra categoria di particolare rilevanza sociale", "categoria rilevanza sociale"), "text"),
            Role("soglia_indigenti_pct", ("soglia eccedente il 20 per indigenti", "soglia indigenti"), "pct"),
            Role("quota_forze_polizia_pct", ("u i destinate a forze di polizia e corpo nazionale dei vigili del fuoco", "forze di polizia vigili del fuoco"), "pct"),
        ),
        caption=_re(r"\ball(egato)?\.?\s*a\b|report|piattaforma"),
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
        caption=_re(r"\ball(egato)?\.?\s*b\b|dettaglio unit"),
        caption_weight=0.2,
    ),
)

SPECS_BY_ID: dict[str, TableSpec] = {s.id: s for s in SPECS}


def header_vocabulary() -> frozenset[str]:
    """Every token of every synonym: what header rows are made of."""
    from .headers import tokens

    words: set[str] = set()
    for spec in SPECS:
        for role in spec.roles:
            for synonym in role.synonyms:
                words.update(tokens(synonym))
    return frozenset(words | {"n", "numero", "di", "per", "del", "della", "in", "da", "e", "nell", "anno", "indicare", "si", "no", "o", "l", "il", "a", "dei", "nello", "ente", "u", "i", "ui", "corpo", "nazionale", "ad"})

"""Family 8: figures stated in the narrative, read with patterns tolerant to wording changes.

The sentences are quoted from the seed plan (Cremonese 2023), pages as in the sample PDF layout.
"""
from __future__ import annotations

from test_checks_support import ISTAT, check, place, rules, table

NAMES = list(ISTAT)


def popolazione(values: list[int]) -> object:
    rows = [{"at": f"AT {1 + i % 2}", **place(n), "popolazione": v, "is_total": False}
            for i, (n, v) in enumerate(zip(NAMES, values))]
    rows.append({"at": "", "comune": "", "comune_istat": "", "popolazione": sum(values), "is_total": True})
    return table("popolazione", rows, page=5)


POP = popolazione([71223, 8711, 2764])  # 3 comuni in 2 AT, 82.698 inhabitants


def text(*lines: str, page: int = 5) -> list[tuple[int, str]]:
    return [(page, line) for line in lines]


def test_population_total_broken_across_lines() -> None:
    ok = text("La popolazione residente nell'Ambito alla data del 1° gennaio 2022, come da dati ISTAT, è",
              "complessivamente pari a 82.698", "abitanti.")
    assert rules(check(POP, text=ok)) == []
    bad = text("La popolazione residente nell'Ambito è complessivamente pari a 82.689 abitanti.")
    findings = check(POP, text=bad)
    assert rules(findings) == ["narrative_popolazione"]
    assert (findings[0].expected, findings[0].found, findings[0].pages) == (82698, 82689, [5])


def test_number_of_comuni_and_at_in_digits_and_words() -> None:
    ok = text("Nello specifico, nei 3 Comuni - suddivisi in 2 Aggregazioni Territoriali (AT) – il numero",
              "I tre Comuni che compongono l'Ambito sono:")
    assert rules(check(POP, text=ok)) == []
    bad = text("Nello specifico, nei 48 Comuni - suddivisi in 7 Aggregazioni Territoriali (AT) – il numero",
               "ente strumentale dei quattro Comuni che compongono l'Ambito")
    assert rules(check(POP, text=bad)) == ["narrative_comuni_count", "narrative_comuni_count", "narrative_at_count"]


SEED_RESPONSES = [
    "La ricognizione ha registrato - attraverso la compilazione dei dati in piattaforma informatica e/o invio di "
    "apposite comunicazioni/atti deliberativi - una risposta da parte di n. 28 comuni dei 48 che compongono l'Ambito.",
    "Dei 20 Comuni mancanti:",
    "- n. 4 non sono tenuti alla programmazione perché sul loro territorio non è presente patrimonio ERP;",
    "- n. 7 Comuni hanno nel proprio territorio solo patrimonio ERP di proprietà Aler, e quindi avrebbero dovuto",
    "deliberare comunque la percentuale da riservare alle FF.OO.;",
    "- n. 3 Comuni vedono la presenza di entrambe le tipologie di patrimonio.",
    "- n. 6 Comuni hanno solo patrimonio di proprietà.",
    "La percentuale di risposta dei Comuni in cui è presente il patrimonio abitativo pubblico, (= n. 43) è stata "
    "pari al 62,7%.",
]


def test_seed_response_rate_and_base_fire_and_the_rest_agrees() -> None:
    # 28 / 43 = 65,1% (not 62,7%); 48 − 4 comuni without housing = 44 (not 43); 48 − 28 = 20 and 4+7+3+6 = 20 agree
    findings = check(text=text(*SEED_RESPONSES))
    assert rules(findings) == ["narrative_response_base", "narrative_response_rate"]
    base, rate = findings
    assert (base.expected, base.found, base.severity) == (44, 43, "warning")
    assert (rate.expected, rate.found, rate.severity) == (65.12, 62.7, "error")


def test_missing_respondents_and_breakdown_fire_when_changed() -> None:
    lines = [s.replace("Dei 20", "Dei 21").replace("n. 6 Comuni", "n. 5 Comuni") for s in SEED_RESPONSES]
    lines[-1] = "La percentuale di risposta è stata pari al 58,3%."  # 28 / 48 = 58,33%: agrees, truncated
    fired = rules(check(text=text(*lines)))
    assert fired == ["narrative_missing_respondents", "narrative_breakdown_sum"]


SEED_ALER = ("La ricognizione, inoltre, ha evidenziato che di 48 Comuni che compongono l'Ambito, {n} Comuni "
             "proprietari di patrimonio abitativo pubblico hanno delegato ALER di Brescia-Cremona-Mantova – U.O.G. di "
             "Cremona, in qualità di ALER territorialmente competente, alla gestione di questo.")
SEED_LIST = ("Bonemerse, Bordolano, Cappella De' Picenardi, Casalbuttano ed Uniti, Castelveverde, Corte de' Cortesi, "
             "Corte De Frati, Derovere, Gadesco Pieve Delmona, Gerre De' caprioli, Grontardo, Malagnino, Paderno "
             "Ponchielli, Persico Dosimo, Pessina Cremonese, Pieve S. giacomo, Pizzighettone, Pozzaglio ed Uniti, "
             "Scandolara Ripa D'Oglio, Sesto ed Uniti, Soresina, Spinadesco, Stagno Lombardo, Volongo.")


def test_list_of_comuni_delegating_aler_is_counted() -> None:
    seed = text(SEED_ALER.format(n=24), "Nello specifico:", SEED_LIST, "a) Consistenza del patrimonio")
    assert rules(check(text=seed)) == []
    findings = check(text=text(SEED_ALER.format(n=25), "Nello specifico:", SEED_LIST))
    assert rules(findings) == ["narrative_list_count"]
    assert (findings[0].expected, findings[0].found) == (24, 25)  # "Pieve S. giacomo" is one name


def test_list_after_a_colon_and_prose_is_not_a_list() -> None:
    assert rules(check(text=text("I 3 Comuni dell'ambito sono: Cremona; Soresina e Ostiano."))) == []
    assert rules(check(text=text("I 4 Comuni dell'ambito sono: Cremona; Soresina e Ostiano."))) == [
        "narrative_list_count"]
    prose = text("n. 7 Comuni hanno nel proprio territorio solo patrimonio ERP di proprietà Aler, e quindi "
                 "avrebbero dovuto deliberare comunque la percentuale da riservare alle forze dell'ordine.")
    assert rules(check(text=prose)) == []


def test_alienazioni_count_in_words() -> None:
    rows = [{"prog": i, **place(n), "via": "x"} for i, n in enumerate(["Cremona", "Cremona", "Soresina", "Ostiano"])]
    sentence = ("{} sono i comuni dell'ambito territoriale cremonese nei quali sono ubicate unità abitative oggetto "
                "del piano di vendita, come dettagliato nella successiva tabella:")
    assert rules(check(table("alienazioni", rows), text=text(sentence.format("Tre")))) == []
    assert rules(check(table("alienazioni", rows), text=text(sentence.format("Due")))) == [
        "narrative_alienazioni_comuni"]

"""``ReaderSettings``: every tolerance of the table reader, named, in one frozen dataclass.

Text tolerances are in *sizes*: multiples of the measured glyph size of the line or word at hand
(its font size, or glyph height for OCR), so a plan set in 8 pt reads like one set in 12 pt.
Tolerances about how ruling lines are drawn are in points (``*_pt``): they measure how precisely a
producer draws its strokes (a rule a hair off a cell border), which does not grow with the type;
where text meets the rules (padding, a word overrunning its column) they are in sizes again.
Shares (``*_share``) are fractions 0..1.

Pass a changed copy to ``read_plan(..., settings=dataclasses.replace(DEFAULT_SETTINGS, ...))``;
``pdfplans.explain`` shows what each stage made of a page with them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ReaderSettings:
    # -- glyph runs → lines → words → phrases (extractors/pdf.py, lines.py) --------------------
    size_box_min: float = 0.5
    """a font size below this share of the glyph box's height is no measure (size 1 and the real
    size in a matrix the reader missed): the box's height is taken instead."""
    size_box_max: float = 2.0
    """the same above: a font size over this many box heights is no measure of the glyphs."""
    run_overlap_share: float = 0.3
    """share of a glyph run's height a glyph must overlap to continue the run on the same line."""
    line_overlap_share: float = 0.5
    """share of the lower of two heights that two runs must overlap to sit on one line."""
    glyph_gap: float = 0.1
    """sizes: glyphs or runs closer than this touch: one word, whatever split them (a run per
    glyph, a space glyph of zero width); pdf.py ends a run at any wider gap."""
    held_glyph_max: float = 0.8
    """sizes: the widest a glyph misplaced off the page (a ligature's letter) is taken to be when
    the run it interrupts goes on after the gap it leaves."""
    held_glyph_width: float = 0.25
    """sizes: the width counted for a misplaced glyph put back at a run's start or end."""
    letter_spacing_max: float = 0.6
    """sizes: the widest letter-spacing measured; wider gaps between single glyphs are spaces."""
    letter_runs_min: int = 3
    """gaps between single-glyph runs a line needs to be taken for letter-spaced type."""
    letter_spaced_share: float = 0.5
    """share of the gaps between single-glyph runs that must be visible for letter-spaced type
    (a run per glyph that touch is not letter-spaced: its gaps are about zero)."""
    letter_cluster: float = 1.5
    """in a letter-spaced line, gaps up to this many times its letter-spacing are inside words."""
    space_max: float = 1.2
    """sizes: the widest word space measured (justified prose); wider gaps are column gaps."""
    space_cluster: float = 1.5
    """a line's word space is the median of its gaps up to this many times its narrowest one."""
    default_space: float = 0.25
    """sizes: the word space of a page none of whose lines has two word gaps to measure."""
    phrase_spaces: float = 2.6
    """measured spaces: a gap this wide between two words ends a phrase (a column gap)."""
    phrase_gap_min: float = 0.45
    """sizes: the phrase gap never narrower than this, however tight the measured space."""
    phrase_gap_max: float = 1.5
    """sizes: nor wider than this, however loose (a gap this wide is a column gap: column_gap_all)."""
    split_reach: float = 0.1
    """sizes: a vertical rule this close to a gap between two words splits them."""

    symbol_aspect: float = 1.25
    """a glyph that lost its Unicode is read by shape only when its box is this close to square."""
    round_fill_min: float = 0.7
    """share of its box a lost glyph fills to be a round bullet (a disc fills pi/4 of it)."""
    square_fill_min: float = 0.92
    """share of its box a lost glyph fills to be a square bullet."""

    # -- page noise (extractors/noise.py) -------------------------------------------------------
    margin_band_share: float = 0.075
    """share of the page height at top and bottom where running headers and footers are looked
    for (a share of the page, not of the type: margins are set by the page)."""
    noise_pages_share: float = 0.3
    """share of the pages a margin line must repeat on (digits aside) to be a running header."""
    noise_pages_min: int = 2
    """the least number of pages a running header repeats on."""

    # -- header words (extractors/headers.py) --------------------------------------------------
    fuzzy_share: float = 0.8
    """similarity (rapidfuzz ratio / 100) of two words read as one (typos, OCR misreadings)."""
    fuzzy_chars: int = 5
    """the shorter word must have this many letters to be matched fuzzily."""
    prefix_chars: int = 4
    """both words this long or longer: one that starts the other matches (ristrutturazione/i)."""
    role_floor: float = 0.3
    """a printed header names a column's role only with at least this synonym score."""

    # -- lines → table regions (extractors/regions.py) -----------------------------------------
    column_gap_all: float = 1.5
    """sizes: a line whose every word gap is at least this wide is laid out in columns."""
    column_gap_ratio: float = 2.0
    """a line with one gap this many times its narrowest gap is laid out in columns."""
    column_gap_floor: float = 0.1
    """sizes: the narrowest gap counted by ``column_gap_ratio`` (a touching pair is not a zero)."""
    ocr_column_gap: float = 2.0
    """sizes: OCR spacing is uneven, only a gap this wide makes an OCR line tabular."""
    align_tolerance: float = 0.3
    """sizes: two runs of text start (or end) at the same x within this: the same column."""
    aligned_share: float = 0.5
    """share of a line's runs that must line up with the other line's for the two to be aligned."""
    header_min: float = 0.5
    """share of a line's words from the header vocabulary that makes it a header row."""
    another_header_min: float = 0.7
    """header likeness of a line that starts the next table right below this one."""
    header_repeat_share: float = 0.7
    """share of a line's words from this table's header: a header repeated on the next page."""
    header_line_gap: float = 1.2
    """sizes: the vertical gap that ends a multi-line header with no rule below it."""
    header_rule_reach: float = 4.0
    """sizes: a horizontal rule this close below a header line closes the header."""
    table_gap: float = 1.6
    """sizes: a vertical gap this wide between two lines ends a table without a grid (and a row)."""
    prose_type_ratio: float = 1.03
    """a line in one run of text, in type this much larger than every row above it in a table
    without a grid, is prose after the table."""
    page_remainder_gap: float = 1.2
    """sizes: a lone line at a page top followed this closely by a row: the rest of a cut row."""
    label_gap: float = 0.8
    """sizes: a one-run line this close above a headerless table is its group label ("AT 1")."""
    grid_label_gap: float = 3.0
    """sizes: the same inside a ruled grid."""
    caption_lines: int = 8
    """narrative lines above a table kept as its caption."""

    # -- ruling lines: drawing precision, in points ----------------------------------------------
    # These say how exactly a producer draws its strokes and lines them up with each other (a rule
    # a hair off a cell border, two pages' grids a point apart, a border drawn as a rectangle's
    # edge): that precision comes from the drawing program's units, not from the type, and stays
    # the same for a plan set in 8 pt or in 12 pt.
    rule_thickness_pt: float = 3.0
    """a filled or stroked shape thinner than this is a ruling line (pdf.py)."""
    rule_length_pt: float = 4.0
    """a ruling line shorter than this is a tick, not a rule (pdf.py)."""
    rule_snap_pt: float = 2.0
    """rules closer than this are one rule."""
    rule_reach_pt: float = 3.0
    """a rule this far outside a band or span still belongs to it."""
    rule_overlap_pt: float = 2.0
    """a vertical rule must run at least this far along a line to split it (a stub of a rule
    drawn at a cell's corner does not)."""
    column_min_pt: float = 3.0
    """narrower gaps between vertical rules are no column (a double border)."""
    grid_rule_pt: float = 2.5
    """a horizontal rule this close to a row's top closes the cell above (else the cell is merged)."""
    same_column_pt: float = 3.0
    """column rules of two pages this close: the same grid (a table continued)."""
    same_grid_share: float = 0.6
    """share of column rules that must match for two pages' grids to be one table."""
    rule_slack_pt: float = 2.0
    """a rule ending this short of a line (or of a cell's middle) still reaches it."""
    rule_growth_pt: float = 0.5
    """a vertical rule must reach this far below the grid's bottom to extend it downwards."""
    image_page_share: float = 0.5
    """share of the page a picture must cover for its rules to be read when the page draws none
    (its lines printed as one picture under the text: extractors/imagerules.py)."""
    image_rule_sizes: float = 2.0
    """glyph heights: a run of ink in such a picture longer than this is a rule, not a letter."""

    # -- text among the rules: in sizes (cell padding and text positions grow with the type) -----
    grid_span: float = 1.0
    """sizes: a vertical rule this far outside a table's x-range still belongs to its grid."""
    grid_search: float = 4.0
    """sizes: how far beside a line to look for its grid's rules when the table's span is not
    yet known."""
    split_search: float = 0.5
    """sizes: how far beside a line to look for the rules splitting it into cells."""
    grid_margin: float = 0.8
    """sizes: the text's margin taken as the grid's extent when no rule is drawn across the table."""
    band_margin: float = 0.4
    """sizes: margin above and below a page's lines within which its horizontal rules count."""
    column_start: float = 0.2
    """sizes: text starting this close to where a column starts starts in that column."""
    edge_slack: float = 0.1
    """sizes: a word may overrun its column interval by this much and still keep to it."""
    horizontal_rule_share: float = 0.2
    """share of the table's width a horizontal rule must cross to separate rows."""
    column_start_lines: int = 3
    """lines starting a run of text at one x (and few running across it) that make a column start."""
    pushed_value_reach: float = 1.0
    """sizes: a value one word space after a text, ending this close to the next column's start
    with that column empty on the line, is that column's (a renderer set the cells as one string)."""
    column_start_crossed_share: float = 0.2
    """share of a table's lines whose words may run across a column start without undoing it (a
    value a renderer moved off its column's start with the text before it; prose crosses it on
    most lines)."""

    # -- rows and cells (extractors/rows.py, cells.py) -------------------------------------------
    single_line_share: float = 0.8
    """share of numeric runs that makes a column single-line (its values never wrap)."""
    wrap_space: float = 0.3
    """sizes: the word space counted when asking whether a word would have fitted the line above."""
    wrap_fit_slack: float = 0.05
    """sizes: rounding allowed when a word would just have fitted."""
    wrap_fit_share: float = 0.05
    """share of a column's width by which a word must have fitted the line above to say the line
    did not wrap: type set again in another font (a browser printing a page's text in its own)
    ends each line a few percent of its length off where the plan's type ended it. Only for a word
    in lower case, the rest of a sentence: a name in capitals that fits ("CASTELVERDE" under
    "CREMONA") starts a row however close."""
    page_full_lines: float = 3.5
    """sizes: a row ending farther than this above the foot of its page was not cut by the break."""
    tight_share: float = 0.25
    """a line ending within this share of its column's width from the edge was full (a wrap)."""
    broken_word_reach: float = 0.35
    """sizes: a lone fragment ending this close to the column's edge filled its line (a broken word)."""
    cell_line_overlap: float = 0.5
    """share of a word's height: words whose centres are closer sit on the same line of a cell."""

    # -- classification (extractors/classify.py) ------------------------------------------------
    min_score: float = 0.55
    """a printed table is read as a canonical table only with at least this score (max about 1.8)."""
    caption_decay: float = 0.12
    """caption score lost for each line the matching caption stands further above the table."""
    caption_floor: float = 0.3
    """the least caption score of a matching caption line, however far up."""
    paragraph_gap: float = 0.8
    """sizes of white between two lines of narrative that start a new paragraph (a caption line set
    apart from the prose above is a title of its own)."""
    sentence_gap: float = 0.6
    """sizes of white below which two lines of narrative are read as one sentence (the plan's
    title, its year and the list of member comuni read across lines)."""
    uncaptioned_factor: float = 0.5
    """score kept by a table without its caption, for ids told apart by caption (b, c, d, j...)."""
    elimination_roles: int = 5
    """required roles of an id from which one its header leaves unnamed takes the one printed column
    left, if its values read as that role's kind."""
    few_columns_factor: float = 0.5
    """header score kept when a table prints fewer columns than the id's required roles."""
    headerless_score: float = 0.6
    """header score of a table printed with no header whose rows look grouped ("AT 1" ...)."""
    kind_weight: float = 0.3
    """weight of the share of cells that read as their kinds in the score."""
    kinds_min_share: float = 0.5
    """below this share of cells of the right kinds, a table is not the id (score 0)."""
    kind_sample_rows: int = 40
    """rows whose cells are read to measure the share of right kinds."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0:
                raise ValueError(f"ReaderSettings.{f.name} cannot be negative ({value})")
            if f.name.endswith("_share") and value > 1:
                raise ValueError(f"ReaderSettings.{f.name} is a share 0..1 ({value})")


DEFAULT_SETTINGS = ReaderSettings()


def describe(settings: ReaderSettings = DEFAULT_SETTINGS) -> dict[str, tuple[float, str]]:
    """Every setting with its value and its documentation (for ``explain`` and the docs)."""
    docs = _docstrings()
    return {f.name: (getattr(settings, f.name), docs.get(f.name, "")) for f in fields(settings)}


def _docstrings() -> dict[str, str]:
    """The string under each field, read from the source (dataclasses keep no field docs)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(ReaderSettings))
    body = tree.body[0].body  # type: ignore[attr-defined]
    out: dict[str, str] = {}
    for node, following in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                out[node.target.id] = " ".join(str(following.value.value).split())
    return out

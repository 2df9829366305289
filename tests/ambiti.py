"""Ambiti of other provinces and the spellings their plans print, for the resolver's tests.

Each ambito is the list of member comuni a plan prints (name → ISTAT code); every code, here and in
the variants, was looked up by hand in pdfplans/normalize/data/comuni.csv (`grep ',<name>,'`), never
taken from the resolver. The variants are the short forms, typos and broken words plans of the family
print; UNRESOLVED are strings that fit two comuni equally, or no comune: they must stay unresolved.
"""
from __future__ import annotations

from test_gazetteer import AMBITO_CREMONESE

LODI = {  # the Ambito di Lodi: the whole province
    "Abbadia Cerreto": "098001", "Bertonico": "098002", "Boffalora d'Adda": "098003",
    "Borghetto Lodigiano": "098004", "Borgo San Giovanni": "098005", "Brembio": "098006",
    "Casaletto Lodigiano": "098008", "Casalmaiocco": "098009", "Casalpusterlengo": "098010",
    "Caselle Landi": "098011", "Caselle Lurani": "098012", "Castelnuovo Bocca d'Adda": "098013",
    "Castiglione d'Adda": "098014", "Castiraga Vidardo": "098015", "Cavenago d'Adda": "098017",
    "Cervignano d'Adda": "098018", "Codogno": "098019", "Comazzo": "098020", "Cornegliano Laudense": "098021",
    "Corno Giovine": "098022", "Cornovecchio": "098023", "Corte Palasio": "098024", "Crespiatica": "098025",
    "Fombio": "098026", "Galgagnano": "098027", "Graffignana": "098028", "Guardamiglio": "098029",
    "Livraga": "098030", "Lodi": "098031", "Lodi Vecchio": "098032", "Maccastorna": "098033",
    "Mairago": "098034", "Maleo": "098035", "Marudo": "098036", "Massalengo": "098037", "Meleti": "098038",
    "Merlino": "098039", "Montanaso Lombardo": "098040", "Mulazzano": "098041", "Orio Litta": "098042",
    "Ospedaletto Lodigiano": "098043", "Ossago Lodigiano": "098044", "Pieve Fissiraga": "098045",
    "Salerano sul Lambro": "098046", "San Fiorano": "098047", "San Martino in Strada": "098048",
    "San Rocco al Porto": "098049", "Sant'Angelo Lodigiano": "098050", "Santo Stefano Lodigiano": "098051",
    "Secugnago": "098052", "Senna Lodigiana": "098053", "Somaglia": "098054", "Sordio": "098055",
    "Tavazzano con Villavesco": "098056", "Terranova dei Passerini": "098057", "Turano Lodigiano": "098058",
    "Valera Fratta": "098059", "Villanova del Sillaro": "098060", "Zelo Buon Persico": "098061",
    "Castelgerundo": "098062",
}
PAVIA = {  # comuni around Pavia, as a plan of that ambito lists them
    "Pavia": "018110", "Albuzzano": "018004", "Borgarello": "018015", "Carbonara al Ticino": "018030",
    "Cava Manara": "018041", "Ceranova": "018043", "Certosa di Pavia": "018046", "Cura Carpignano": "018060",
    "Giussago": "018072", "Lardirago": "018080", "Linarolo": "018081", "Marcignago": "018086",
    "Roncaro": "018129", "San Genesio ed Uniti": "018135", "San Martino Siccomario": "018137",
    "Sant'Alessio con Vialone": "018141", "Sommo": "018151", "Torre d'Isola": "018159",
    "Travacò Siccomario": "018162", "Valle Salimbene": "018169", "Vellezzo Bellini": "018173",
    "Villanova d'Ardenghi": "018179", "Zeccone": "018185", "Zerbolò": "018189",
}
LOMELLINA = {  # comuni of the Lomellina (Mortara), province of Pavia
    "Mortara": "018102", "Albonese": "018003", "Castello d'Agogna": "018039", "Castelnovetto": "018040",
    "Ceretto Lomellina": "018044", "Cergnago": "018045", "Cilavegna": "018050", "Confienza": "018052",
    "Gravellona Lomellina": "018075", "Nicorvo": "018103", "Olevano di Lomellina": "018104",
    "Palestro": "018107", "Parona": "018109", "Robbio": "018123", "Rosasco": "018130",
    "Sant'Angelo Lomellina": "018144", "Sartirana Lomellina": "018146", "Valle Lomellina": "018168",
    "Zeme": "018186",
}
MANTOVA = {  # the Ambito di Mantova
    "Mantova": "020030", "Bagnolo San Vito": "020003", "Borgo Virgilio": "020071", "Castelbelforte": "020013",
    "Castel d'Ario": "020014", "Castellucchio": "020016", "Curtatone": "020021", "Marmirolo": "020033",
    "Porto Mantovano": "020045", "Rodigo": "020051", "Roncoferraro": "020052", "Roverbella": "020053",
    "San Giorgio Bigarello": "020057", "Villimpenta": "020068",
}
ORZINUOVI = {  # the Bassa Bresciana Occidentale (Orzinuovi), province of Brescia
    "Orzinuovi": "017125", "Barbariga": "017011", "Borgo San Giacomo": "017020", "Brandico": "017026",
    "Castelcovati": "017041", "Comezzano-Cizzago": "017060", "Corzano": "017064", "Dello": "017066",
    "Lograto": "017091", "Longhena": "017093", "Maclodio": "017097", "Mairano": "017099",
    "Orzivecchi": "017126", "Pompiano": "017146", "Quinzano d'Oglio": "017159", "Roccafranca": "017162",
    "Rudiano": "017167", "San Paolo": "017138", "Trenzano": "017190", "Urago d'Oglio": "017192",
    "Villachiara": "017200",
}
VIMERCATE = {  # the Ambito di Vimercate, province of Monza e Brianza
    "Vimercate": "108050", "Agrate Brianza": "108001", "Aicurzio": "108002", "Arcore": "108004",
    "Bellusco": "108006", "Bernareggio": "108007", "Burago di Molgora": "108013", "Busnago": "108051",
    "Camparada": "108014", "Caponago": "108052", "Carnate": "108016", "Cavenago di Brianza": "108017",
    "Concorezzo": "108021", "Cornate d'Adda": "108053", "Correzzana": "108022", "Lesmo": "108026",
    "Mezzago": "108031", "Ornago": "108036", "Roncello": "108055", "Ronco Briantino": "108038",
    "Sulbiate": "108042", "Usmate Velate": "108044",
}

# ambito name → (members, provinces)
AMBITI: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "Cremonese": (AMBITO_CREMONESE, ("CR",)), "Lodi": (LODI, ("LO",)), "Pavia": (PAVIA, ("PV",)),
    "Lomellina": (LOMELLINA, ("PV",)), "Mantova": (MANTOVA, ("MN",)), "Orzinuovi": (ORZINUOVI, ("BS",)),
    "Vimercate": (VIMERCATE, ("MB",)),
}

VARIANTS: dict[str, dict[str, str]] = {
    "Cremonese": {
        "AZZNAELLO": "019004", "SCANDOLARARD": "019093", "SCANDOLARA RD": "019093", "CORTE CC": "019032",
        "CORTE C.C.": "019032", "PIEVESG": "019075",
        # a comune of the province outside the ambito, printed in full
        "SCANDOLARA RAVARA": "019092",
    },
    "Lodi": {
        "BORGO SG": "098005", "BORGO S.G.": "098005", "BORGO S. GIOVANNI": "098005",
        "S.ANGELO LODIGIANO": "098050", "S.ANGELO L.": "098050", "SANT'ANGELO LOD.": "098050",
        "S.ROCCO AL PORTO": "098049", "S. MARTINO IN STRADA": "098048", "S.FIORANO": "098047",
        "S.STEFANO LOD.": "098051", "TAVAZZANO C/V": "098056", "TAVAZZANO": "098056",
        "CASTELNUOVO B.D'ADDA": "098013", "CASTELNUOVO B.D.": "098013", "ZELO B.P.": "098061",
        "ZELO BUON P.": "098061", "MONTANASO L.": "098040", "MONTANASO LOMB": "098040",
        "OSPEDALETTO LOD.": "098043", "OSSAGO LOD.": "098044", "SENNA LOD.": "098053",
        "LODIVECCHIO": "098032", "LODI VECCHIO": "098032", "LODI": "098031", "COMUNE DI LODI": "098031",
        "CASALPUSTERLEGNO": "098010", "MASSALNEGO": "098037", "SALERANO S/L": "098046",
        "TERRANOVA PASSERINI": "098057", "VILLANOVA SILLARO": "098060", "CASTIRAGA V.": "098015",
        "CORNO G.": "098022", "CASELLE LANDI": "098011", "CASELLE LUR.": "098012", "CERVIGNANO": "098018",
        "BOFFALORA": "098003", "CAVENAGO": "098017", "CASTIGLIONE D'ADDA": "098014",
        # printed in full, outside the ambito: the comune it names
        "BORGO SAN GIACOMO": "017020",
    },
    "Pavia": {
        "S.MARTINO SICC.": "018137", "TRAVACO' SICC.": "018162", "TRAVACO SICCOMARIO": "018162",
        "S.GENESIO ED UNITI": "018135", "S.GENESIO": "018135", "S.ALESSIO C/V": "018141",
        "CERTOSA": "018046", "CERTOSA DI P.": "018046", "ZERBOLO'": "018189", "VILLANOVA D'A.": "018179",
        "VELLEZZO B.": "018173", "CAVAMANARA": "018041", "CURA C.": "018060", "CARBONARA TICINO": "018030",
        "CARBONARA": "018030", "GIUSAGO": "018072", "MARCINGAGO": "018086", "TORRE D'ISOLA": "018159",
    },
    "Lomellina": {
        "S.ANGELO LOM.": "018144", "S.ANGELO L.": "018144", "SANT'ANGELO": "018144",
        "GRAVELLONA L.": "018075", "GRAVELLONA": "018075", "OLEVANO LOM.": "018104", "OLEVANO": "018104",
        "CASTELLO AGOGNA": "018039", "CERETTO L.": "018044", "SARTIRANA": "018146",
        "SARTIRANA L.NA": "018146", "CILAVENGA": "018050",
    },
    "Mantova": {
        "BAGNOLO S.VITO": "020003", "BAGNOLO SV": "020003", "BAGNOLO S.V.": "020003",
        "S.GIORGIO BIGARELLO": "020057", "S.GIORGIO BIG.": "020057", "SAN GIORGIO": "020057",
        "BORGOVIRGILIO": "020071", "CASTELDARIO": "020014", "CASTEL D'ARIO": "020014",
        "PORTO MANT.": "020045", "PORTO M.": "020045", "RONCOFERRRARO": "020052", "CURTATNOE": "020021",
        "CASTEL BELFORTE": "020013",
        # printed in full, outside the ambito
        "MONZA": "108033", "MONZAMBANO": "020036",
    },
    "Orzinuovi": {
        "BORGO S.GIACOMO": "017020", "BORGO SG": "017020", "BORGO S.G.": "017020",
        "QUINZANO D'O.": "017159", "QUINZANO": "017159", "QUINZANO OGLIO": "017159", "URAGO D'O": "017192",
        "COMEZZANO CIZZAGO": "017060", "COMEZZANO C.": "017060", "COMEZZANO": "017060", "S.PAOLO": "017138",
        "ORZI NUOVI": "017125", "ORZIVECHI": "017126", "BRANDIOC": "017026",
        "BORGO SAN GIOVANNI": "098005",
    },
    "Vimercate": {
        "AGRATE B.ZA": "108001", "AGRATE": "108001", "BURAGO M.": "108013", "BURAGO MOLGORA": "108013",
        "BURAGO": "108013", "CAVENAGO B.ZA": "108017", "CAVENAGO": "108017", "CORNATE": "108053",
        "USMATE V.": "108044", "USMATE": "108044", "USMATE-VELATE": "108044", "RONCO B.": "108038",
        "VIMERCTAE": "108050", "BERNAREGIO": "108007",
        # printed in full, outside the ambito
        "MONZA": "108033", "CAVENAGO D'ADDA": "098017",
    },
}

# Strings that fit two comuni equally, or name no comune: never resolved.
UNRESOLVED: dict[str, list[str]] = {
    "Cremonese": ["U.O.CREMONA", "UOG CREMONA"],
    "Lodi": ["CASELLE L.", "CASELLE", "CORNO", "U.O.LODI", "UO LODI", "U.O.G. di Lodi", "ALER PV-LO"],
    "Pavia": ["ZERBO", "U.O. PAVIA", "TOTALE AMBITO"],
    "Lomellina": ["U.O.G. MORTARA"],
    "Mantova": ["UOG MANTOVA", "Unità Operativa di Mantova"],
    "Orzinuovi": ["ALER BS-CR-MN U.O. BRESCIA"],
    "Vimercate": ["U.O. MONZA"],
}

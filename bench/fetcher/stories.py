"""Team-written synthetic news stories for the fetcher benchmark (invented places, people, facts).

Each story is rendered by ``make_corpus.py`` into one page of a given CMS pattern; the story's
paragraphs are the gold text. Nothing here is copied from a real article.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    slug: str
    template: str
    title: str
    published: str  # ISO 8601 with the page's own offset
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    language: str = "en"
    site: str = "The Harbour Ledger"
    section: str = "World"


STORIES: list[Story] = [
    Story(
        "valdoria-talks",
        "jsonld",
        "Valdoria and Kestria agree to resume border talks in Geneva",
        "2025-03-04T09:15:00+01:00",
        [
            "Negotiators from Valdoria and Kestria agreed on Monday to resume talks on their "
            "disputed border next month in Geneva, ending a six-month pause that followed a "
            "deadly clash between border guards near the river town of Orsk.",
            "The agreement was announced after a day of meetings hosted by the Swiss foreign "
            "ministry, which has offered to chair the first two rounds of the new negotiations.",
            "Valdoria's deputy foreign minister, Elena Marsh, told reporters that both sides had "
            "committed to a ceasefire along the 40-kilometre stretch of border that remains "
            "unmarked, and to a joint investigation of the clash in September.",
            "Kestria's delegation said in a statement that it expected the talks to address the "
            "return of about 300 families displaced by the fighting, many of whom are living in "
            "temporary shelters on both sides of the river.",
            "Diplomats said the sticking point remains the status of two islands in the river "
            "delta, which both governments claim and which lie close to newly surveyed gas fields.",
        ],
        ["Tomas Ferrant"],
    ),
    Story(
        "port-strike-week-two",
        "jsonld",
        "Port strike enters second week as ships queue offshore",
        "2025-06-02T18:40:00+02:00",
        [
            "Dock workers at the port of Lanmere extended their strike into a second week on "
            "Monday, leaving more than 40 container ships waiting at anchor and forcing several "
            "shipping lines to divert cargo to smaller harbours along the coast.",
            "The dockers' union is demanding a pay rise of nine percent to match inflation over "
            "the past two years, as well as new safety rules after two workers were injured by a "
            "falling container in April.",
            "The port authority said it had offered five percent this year and four percent next "
            "year, and accused the union of refusing to return to mediation.",
            "Retailers warned that shortages of some imported goods, including fruit and "
            "electronics, could begin to appear in shops within days if the dispute continues.",
        ],
        ["Ines Calloway", "Mark Teodor"],
        section="Business",
    ),
    Story(
        "central-bank-rate",
        "jsonld_graph",
        "Central bank raises rates for the third time this year",
        "2025-05-21T13:05:00+01:00",
        [
            "The central bank raised its main interest rate by a quarter of a percentage point "
            "to 4.5 percent on Wednesday, its third increase this year, saying inflation remained "
            "well above its two percent target.",
            "Governor Amara Lindqvist told a news conference that the bank could not rule out "
            "further rises if energy prices kept climbing, but that it expected price growth to "
            "slow in the second half of the year.",
            "Seven of the nine members of the monetary policy committee voted for the increase, "
            "while two preferred to keep rates unchanged, according to minutes published with "
            "the decision.",
            "Mortgage lenders said they would pass the increase on to customers with variable-rate "
            "loans from next month, adding about 30 to the monthly payment on a typical home loan.",
            "The currency rose half a percent against the euro after the announcement.",
        ],
        ["Priya Oduya"],
        site="Northern Courier",
        section="Economy",
    ),
    Story(
        "hospital-funding",
        "jsonld_graph",
        "Regional hospitals promised emergency funds after winter crisis",
        "2025-02-11T07:30:00+00:00",
        [
            "The health ministry promised an emergency payment of 120 million to regional "
            "hospitals on Tuesday after a winter in which waiting times in emergency departments "
            "reached the longest since records began.",
            "Health Minister Rafael Okonkwo said the money would pay for 800 additional beds and "
            "for agency nurses in the ten hospitals under the most pressure.",
            "Doctors' representatives welcomed the payment but said it would not solve a shortage "
            "of staff that has left one in eight nursing posts unfilled.",
            "Opposition members of parliament called the announcement a sticking plaster and "
            "demanded a long-term plan for hospital funding before the next budget.",
        ],
        ["Hannah Bright"],
        site="Northern Courier",
        section="Health",
    ),
    Story(
        "farmers-motorway",
        "opengraph",
        "Farmers block motorway in protest over diesel subsidy cut",
        "2025-05-14T08:12:00+02:00",
        [
            "Hundreds of farmers drove their tractors onto the main motorway into the capital on "
            "Wednesday morning, blocking traffic for several hours in protest at a government "
            "plan to phase out a diesel subsidy.",
            "Police said traffic had been diverted through villages to the north and that there "
            "had been no arrests, although officers used loudspeakers to ask drivers to leave an "
            "emergency lane open.",
            "The agriculture minister said she would meet union leaders on Thursday but ruled out "
            "dropping the plan, which the finance ministry says will save 1.2 billion a year.",
            "Farm unions said the protest would continue until the subsidy cut was withdrawn.",
        ],
        ["Lena Vos"],
        site="Northern Courier",
        section="Politics",
    ),
    Story(
        "flood-villages",
        "opengraph",
        "Rescuers reach flooded villages after embankment breach",
        "2025-04-06T16:45:00+02:00",
        [
            "Rescue teams reached the flooded villages in the Saren valley on Sunday, two days "
            "after a river embankment gave way, and began evacuating residents who had sheltered "
            "on rooftops and in church towers.",
            "The regional governor said at least 1,200 people had been moved to schools and sports "
            "halls in the provincial capital, and that the army had sent helicopters and boats.",
            "Forecasters warned that more rain was expected on Tuesday and that water levels "
            "downstream could rise by another metre.",
            "Residents said warning sirens had not sounded when the embankment broke shortly after "
            "midnight on Friday, and the interior ministry said it would investigate.",
        ],
        ["Oskar Brandt"],
        site="Valley Courier",
    ),
    Story(
        "rail-timetable",
        "div_paragraphs",
        "Rail operator cuts night trains as engineering works begin",
        "2025-01-08T10:00:00+00:00",
        [
            "The national rail operator will cut all night trains on the coastal line for eight "
            "weeks from Monday while engineers replace a bridge that has been under a speed limit "
            "since it was damaged in a storm last autumn.",
            "Replacement buses will run between Port Allen and Mirecourt, adding up to 50 minutes "
            "to journeys, the operator said in a statement.",
            "Passenger groups criticised the timing of the works, which coincide with the busiest "
            "weeks for students returning to the coastal university.",
        ],
        [],
        site="Coastline Daily",
        section="Transport",
    ),
    Story(
        "mayor-budget",
        "no_metadata",
        "Mayor's budget plan passes after late-night council vote",
        "2025-03-27T23:10:00+00:00",
        [
            "The city council approved the mayor's budget shortly before midnight on Thursday "
            "after a debate that lasted more than nine hours and saw two amendments from the "
            "opposition defeated by a single vote.",
            "The budget raises spending on public transport by twelve percent and freezes "
            "property taxes for a second year, while cutting the parks department's allocation.",
            "Councillor Ruth Amadi, who led the opposition to the plan, said the cuts to parks "
            "would fall hardest on neighbourhoods with the least green space.",
            "The mayor said the city had to choose between buses and flower beds, and that he "
            "would choose buses every time.",
        ],
        ["Daniel Price"],
        site="Riverside Post",
        section="Local",
    ),
    Story(
        "library-reopens",
        "no_metadata",
        "Central library reopens after three-year renovation",
        "2025-06-10T09:00:00+00:00",
        [
            "The central library reopened on Tuesday after a three-year renovation that cost "
            "38 million and added a children's floor, a rooftop reading room and a workshop with "
            "3D printers and sewing machines.",
            "Hundreds of people queued outside before the doors opened at nine, and the library "
            "said it had issued more than 600 new membership cards by lunchtime.",
            "The renovation was delayed by a year after builders found asbestos in the roof.",
        ],
        [],
        site="Riverside Post",
        section="Local",
    ),
    Story(
        "school-meals",
        "br_text",
        "Free school meals extended to all primary pupils",
        "2025-02-24T12:30:00+00:00",
        [
            "All primary school pupils in the region will receive free lunches from September, "
            "the regional government announced on Monday, extending a scheme that until now "
            "covered only children from low-income families.",
            "The education department said the extension would cost about 45 million a year and "
            "reach an additional 90,000 children.",
            "Head teachers welcomed the plan but warned that many schools lacked kitchens large "
            "enough to cook for every pupil and would need money for new equipment.",
            "Parents' associations said the scheme would remove the stigma attached to free meals.",
        ],
        ["Grace Whitlow"],
        site="Westland Herald",
        section="Education",
    ),
    Story(
        "wildfire-evacuation",
        "byline_text",
        "Thousands evacuated as wildfire spreads towards coastal towns",
        "2025-07-19T15:20:00+03:00",
        [
            "More than 4,000 people were evacuated from three coastal towns on Saturday as a "
            "wildfire fanned by strong winds spread through pine forests towards the sea.",
            "Firefighters backed by six water-bombing aircraft were battling the blaze on two "
            "fronts, the civil protection agency said, and a main road along the coast was closed.",
            "Temperatures reached 41 degrees in the area on Friday, and forecasters said the wind "
            "was not expected to drop until Monday.",
            "Two firefighters were treated in hospital for smoke inhalation, officials said.",
        ],
        ["Nikos Varda", "Ellen Shaw"],
        site="Aegean Observer",
    ),
    Story(
        "court-ruling-data",
        "byline_text",
        "Court rules police must delete DNA of acquitted suspects",
        "2025-04-29T11:00:00+01:00",
        [
            "The supreme court ruled on Tuesday that police must delete the DNA profiles of "
            "people who were arrested but never convicted, in a decision that could affect "
            "records on more than 200,000 people.",
            "The judges said that keeping the profiles indefinitely was a disproportionate "
            "interference with the right to privacy, and gave the government six months to "
            "change the rules.",
            "The interior ministry said it was studying the judgment. Privacy campaigners, who "
            "brought the case on behalf of a student arrested at a protest, called it a landmark.",
        ],
        ["Alicia Moreno"],
        site="The Harbour Ledger",
        section="Law",
    ),
    Story(
        "bridge-collapse-inquiry",
        "byline_text",
        "Inquiry blames missed inspections for bridge collapse",
        "2025-03-12T14:00:00+00:00",
        [
            "An official inquiry into the collapse of the Hallam road bridge last year found that "
            "three scheduled inspections had been skipped and that warnings about corrosion in the "
            "steel cables had not been passed on to senior engineers.",
            "The report, published on Wednesday, said the collapse, in which two drivers were "
            "injured, had been entirely avoidable.",
            "The transport minister said the recommendations would be adopted in full, including "
            "a national register of bridges and a requirement that inspection reports be public.",
            "The company responsible for maintaining the bridge said it had cooperated fully with "
            "the inquiry and had already changed its procedures.",
        ],
        ["Martin Keel"],
        site="Westland Herald",
        section="National",
    ),
    Story(
        "election-poll",
        "relative_dates",
        "Poll shows governing party losing ground ahead of election",
        "2025-09-02T06:00:00+02:00",
        [
            "The governing party has fallen four points behind the main opposition alliance, "
            "according to a poll published on Tuesday, three weeks before a general election.",
            "The survey of 2,000 voters put the opposition alliance on 31 percent and the "
            "governing party on 27 percent, with the Greens third on 14 percent.",
            "Pollsters said rising rents had overtaken the economy as the issue voters cared "
            "about most, particularly among those under 35.",
            "The prime minister said polls did not decide elections and promised a campaign "
            "focused on housing.",
        ],
        ["Sofia Lind"],
        site="Nordic Wire",
        section="Politics",
    ),
    Story(
        "airport-drone",
        "relative_dates",
        "Flights suspended after drone sightings at city airport",
        "2025-10-17T21:35:00+02:00",
        [
            "All flights at the city airport were suspended for two hours on Friday evening after "
            "several drones were seen near the runway, the airport operator said.",
            "About 30 flights were diverted or cancelled, affecting around 5,000 passengers.",
            "Police said they were searching the area around the airport perimeter and had not "
            "identified who was flying the drones.",
            "The transport ministry said it would review the airport's drone detection system.",
        ],
        [],
        site="Nordic Wire",
        section="National",
    ),
    Story(
        "tech-layoffs",
        "relative_dates",
        "Software company to cut 1,500 jobs in restructuring",
        "2025-11-05T08:00:00+01:00",
        [
            "The software company Brightline said on Wednesday it would cut 1,500 jobs, about "
            "one in ten of its workforce, as it restructures around cloud products.",
            "Chief executive Marta Quell said in a memo to staff that the company had hired too "
            "quickly during the pandemic and needed to focus on fewer products.",
            "Most of the cuts will fall on sales and support teams, the company said, and "
            "affected employees will receive at least four months' pay.",
        ],
        ["Jonas Hale"],
        site="Nordic Wire",
        section="Technology",
    ),
    Story(
        "stadium-plan",
        "boilerplate",
        "City approves plan for new football stadium by the river",
        "2025-05-30T17:00:00+01:00",
        [
            "The city planning committee approved plans on Friday for a 42,000-seat football "
            "stadium on former industrial land by the river, clearing the way for construction "
            "to start next spring.",
            "The club, which has played at its current ground for 110 years, says the new stadium "
            "will include a hotel, housing and a public park along the riverbank.",
            "Residents' groups objected to the plans, saying that traffic on match days would "
            "overwhelm narrow streets, and said they would consider a legal challenge.",
            "The club has promised to pay for a new footbridge and to run shuttle buses from the "
            "main railway station.",
            "Construction is expected to take three years.",
        ],
        ["Callum Reeves"],
        site="Riverside Post",
        section="Sport",
    ),
    Story(
        "energy-prices",
        "div_paragraphs",
        "Households face higher energy bills from October",
        "2025-08-26T07:00:00+01:00",
        [
            "Household energy bills will rise by an average of six percent from October after "
            "the regulator raised its price cap on Tuesday, citing higher wholesale gas prices.",
            "The regulator said a typical household would pay about 1,740 a year, around 100 "
            "more than under the current cap.",
            "Charities warned that more families would fall behind on payments over the winter "
            "and called on the government to restore support for low-income households.",
            "The energy minister said the government was looking at options for targeted help.",
        ],
        ["Ruth Penhale"],
        site="Westland Herald",
        section="Money",
    ),
    Story(
        "museum-theft",
        "boilerplate",
        "Gold coins stolen from city museum in overnight raid",
        "2025-12-03T10:25:00+01:00",
        [
            "Thieves broke into the city museum overnight and stole a collection of 200 gold "
            "coins dating from the fourth century, police said on Wednesday.",
            "The thieves entered through a skylight and disabled part of the alarm system, "
            "according to investigators, who said the raid appeared to have been carefully "
            "planned.",
            "The museum's director said the coins were of immense historical value and appealed "
            "to anyone offered them to contact the police.",
            "The museum will remain closed until further notice.",
        ],
        ["Anke Roos"],
        site="Coastline Daily",
        section="Culture",
    ),
    Story(
        "cycle-lanes",
        "comments",
        "New cycle lanes divide opinion on Harbour Road",
        "2025-04-14T12:00:00+01:00",
        [
            "The council has finished building protected cycle lanes along Harbour Road, removing "
            "120 parking spaces and narrowing the road to one lane in each direction.",
            "Cycling groups say the lanes will make one of the city's most dangerous roads safer, "
            "pointing to five serious accidents involving cyclists there in the past two years.",
            "Some shopkeepers say they have already lost customers who can no longer park outside, "
            "and have started a petition asking the council to reconsider.",
            "The council said it would publish traffic and accident figures after six months.",
        ],
        ["Tess Marlow"],
        site="Coastline Daily",
        section="Local",
    ),
    Story(
        "teachers-strike",
        "embeds",
        "Teachers vote to strike over workload and pay",
        "2025-10-01T16:30:00+01:00",
        [
            "Teachers have voted to strike for three days next month in a dispute over pay and "
            "workload, their union announced on Wednesday.",
            "Seventy-eight percent of members who took part in the ballot backed strike action, "
            "on a turnout of 61 percent.",
            "The union's general secretary said teachers were working more than 50 hours a week "
            "on average and that many were leaving the profession within five years.",
            "The education minister said the strike would harm children's learning and urged the "
            "union to return to talks.",
        ],
        ["Owen Pryce"],
        site="Westland Herald",
        section="Education",
    ),
    Story(
        "zoo-pandas",
        "comments",
        "Zoo welcomes twin panda cubs",
        "2025-08-09T09:45:00+02:00",
        [
            "The city zoo announced on Saturday that its giant panda had given birth to twins, "
            "the first pandas born in the country.",
            "Keepers said both cubs, each weighing about 150 grams, were healthy and feeding well, "
            "and that the mother was being left alone with them for the first weeks.",
            "The cubs will not be shown to the public until the end of the year.",
        ],
        [],
        site="Valley Courier",
        section="Science",
    ),
    Story(
        "pension-reform",
        "paywall",
        "Government unveils plan to raise pension age to 68",
        "2025-06-18T11:30:00+02:00",
        [
            "The government presented a plan on Wednesday to raise the state pension age from 67 "
            "to 68 by 2040, saying the change was needed to keep the system affordable as life "
            "expectancy rises.",
            "The labour minister said people in physically demanding jobs would be able to retire "
            "earlier under a separate scheme to be negotiated with unions and employers.",
        ],
        ["Hanna Koller"],
        site="The Harbour Ledger",
        section="Politics",
    ),
    Story(
        "steel-plant",
        "paywall",
        "Steel plant closure puts 2,000 jobs at risk",
        "2025-09-23T08:50:00+01:00",
        [
            "The owners of the Redcastle steelworks said on Tuesday they would close its two blast "
            "furnaces by the end of next year, putting about 2,000 jobs at risk.",
            "The company blamed high energy costs and cheap imports, and said it would replace "
            "the furnaces with a smaller electric arc furnace employing around 600 people.",
            "Unions said they would fight the closure.",
        ],
        ["Gareth Lewis"],
        site="Westland Herald",
        section="Business",
    ),
    Story(
        "summit-liveblog",
        "liveblog",
        "Northern alliance summit: leaders agree new defence fund – as it happened",
        "2025-06-24T08:00:00+02:00",
        [
            "Leaders agree defence fund",
            "The heads of government have agreed to set up a joint defence fund worth 20 billion "
            "over five years, according to the final communiqué.",
            "Protest outside the venue",
            "Several hundred protesters gathered outside the conference centre, calling for the "
            "money to be spent on climate programmes instead. Police said the protest was "
            "peaceful.",
            "Talks run late",
            "The afternoon session has overrun by more than two hours, officials say, as "
            "delegations argue over how contributions to the fund should be calculated.",
            "Summit opens",
            "Leaders from twelve countries have arrived for the two-day summit, which is expected "
            "to focus on defence spending and energy security.",
        ],
        [],
        site="Nordic Wire",
        section="World",
    ),
    Story(
        "marathon-liveblog",
        "liveblog",
        "City marathon 2025: live updates from the course",
        "2025-04-27T07:30:00+01:00",
        [
            "Record in the women's race",
            "Ayana Tesfaye has won the women's race in 2:19:41, a course record by more than a "
            "minute.",
            "Leaders pass halfway",
            "The leading men have passed halfway in just over an hour, with a group of six still "
            "together at the front.",
            "Runners set off",
            "About 38,000 runners have started in waves from the park, in cool and dry weather "
            "that organisers say is ideal for fast times.",
        ],
        [],
        site="Riverside Post",
        section="Sport",
    ),
    Story(
        "de-bahnstreik",
        "opengraph",
        "Bahnstreik legt Fernverkehr im ganzen Land lahm",
        "2025-03-10T06:45:00+01:00",
        [
            "Ein Streik der Lokführergewerkschaft hat am Montag den Fernverkehr im ganzen Land "
            "weitgehend zum Erliegen gebracht. Nach Angaben der Bahn fiel rund achtzig Prozent "
            "der Fernzüge aus.",
            "Die Gewerkschaft fordert eine Verkürzung der Wochenarbeitszeit auf 35 Stunden bei "
            "vollem Lohnausgleich sowie eine Inflationsprämie für alle Beschäftigten.",
            "Die Bahn nannte den Streik unverhältnismäßig und rief die Gewerkschaft auf, an den "
            "Verhandlungstisch zurückzukehren. Pendler mussten auf Busse und Autos ausweichen.",
            "Der Streik soll am Mittwochmorgen enden.",
        ],
        ["Katrin Albers"],
        language="de",
        site="Nordkurier Zeitung",
        section="Wirtschaft",
    ),
    Story(
        "de-hochwasser",
        "no_metadata",
        "Hochwasser: Dämme an der Sarne halten vorerst",
        "2025-05-18T19:30:00+02:00",
        [
            "Die Dämme an der Sarne haben in der Nacht zum Sonntag gehalten, teilte der "
            "Krisenstab des Landkreises mit. Der Pegel sei seit dem Morgen leicht gesunken.",
            "Rund 600 Helfer von Feuerwehr und Technischem Hilfswerk waren im Einsatz, um "
            "Sandsäcke an gefährdeten Stellen aufzuschichten.",
            "Die Behörden warnten jedoch vor neuen Regenfällen am Dienstag und baten die "
            "Anwohner, weiterhin vorsichtig zu sein.",
        ],
        [],
        language="de",
        site="Sarnetaler Anzeiger",
        section="Region",
    ),
    Story(
        "fr-greve-enseignants",
        "jsonld",
        "Les enseignants en grève contre la réforme du baccalauréat",
        "2025-01-28T10:00:00+01:00",
        [
            "Des milliers d'enseignants ont manifesté mardi dans plusieurs grandes villes contre "
            "la réforme du baccalauréat présentée par le ministère de l'Éducation le mois dernier.",
            "Selon les syndicats, près d'un enseignant sur trois était en grève dans les lycées. "
            "Le ministère a avancé un chiffre de 18 pour cent.",
            "Les syndicats dénoncent une réforme préparée sans concertation et qui, selon eux, "
            "renforcera les inégalités entre les établissements.",
            "La ministre a assuré qu'elle recevrait les représentants des enseignants la semaine "
            "prochaine, sans toutefois envisager de retirer le texte.",
        ],
        ["Claire Dubois"],
        language="fr",
        site="Le Courrier du Littoral",
        section="Société",
    ),
    Story(
        "fr-incendie-usine",
        "byline_text",
        "Un incendie ravage une usine chimique près du port",
        "2025-08-14T22:15:00+02:00",
        [
            "Un important incendie s'est déclaré jeudi soir dans une usine de produits chimiques "
            "située près du port, provoquant un épais nuage de fumée visible à des kilomètres.",
            "La préfecture a demandé aux habitants des communes voisines de rester chez eux et de "
            "fermer leurs fenêtres par précaution. Aucun blessé n'a été signalé.",
            "Plus de 150 pompiers ont été mobilisés. Les causes de l'incendie ne sont pas encore "
            "connues.",
        ],
        ["Julien Marchetti"],
        language="fr",
        site="Le Courrier du Littoral",
        section="Faits divers",
    ),
    Story(
        "es-sequia",
        "jsonld_graph",
        "El Gobierno aprueba ayudas para los agricultores afectados por la sequía",
        "2025-07-08T12:00:00+02:00",
        [
            "El Consejo de Ministros aprobó este martes un paquete de ayudas de 500 millones de "
            "euros para los agricultores y ganaderos afectados por la sequía.",
            "Las ayudas incluyen rebajas fiscales, créditos a bajo interés y pagos directos por "
            "hectárea para los cultivos de secano que han perdido más de la mitad de la cosecha.",
            "Las organizaciones agrarias consideraron insuficiente la cantidad y pidieron un plan "
            "a largo plazo para la gestión del agua.",
        ],
        ["Lucía Fernández"],
        language="es",
        site="Diario del Levante",
        section="Economía",
    ),
    Story(
        "es-metro",
        "comments",
        "La nueva línea de metro abrirá en diciembre con un año de retraso",
        "2025-09-15T09:30:00+02:00",
        [
            "La nueva línea de metro que conectará el centro con el aeropuerto abrirá en "
            "diciembre, con un año de retraso sobre el calendario previsto, anunció el lunes el "
            "consorcio de transportes.",
            "La obra ha costado 1.300 millones de euros, un 20 por ciento más de lo presupuestado, "
            "debido a problemas geológicos en la excavación de dos estaciones.",
            "La línea tendrá once estaciones y permitirá llegar al aeropuerto en 22 minutos.",
        ],
        ["Pablo Ruiz"],
        language="es",
        site="Diario del Levante",
        section="Local",
    ),
    Story(
        "it-ponte",
        "opengraph",
        "Riapre il ponte sul fiume dopo due anni di lavori",
        "2025-10-20T11:15:00+02:00",
        [
            "Il ponte sul fiume Arsa è stato riaperto al traffico lunedì mattina, dopo due anni di "
            "lavori di consolidamento costati 24 milioni di euro.",
            "Alla cerimonia hanno partecipato il sindaco e il presidente della regione, che hanno "
            "ringraziato gli abitanti per la pazienza dimostrata durante i lavori.",
            "Durante la chiusura, gli automobilisti dovevano percorrere una deviazione di quasi "
            "venti chilometri.",
        ],
        ["Giulia Ferri"],
        language="it",
        site="La Gazzetta della Valle",
        section="Cronaca",
    ),
    Story(
        "pt-eleicoes",
        "jsonld",
        "Partido socialista vence eleições municipais na capital",
        "2025-10-13T00:40:00+01:00",
        [
            "O partido socialista venceu as eleições municipais na capital no domingo, com 38 por "
            "cento dos votos, segundo os resultados provisórios.",
            "A coligação de centro-direita ficou em segundo lugar, com 33 por cento, e perdeu a "
            "presidência da câmara que detinha há oito anos.",
            "A abstenção foi de 47 por cento, ligeiramente inferior à das últimas eleições.",
        ],
        ["Rui Almeida"],
        language="pt",
        site="Jornal do Tejo",
        section="Política",
    ),
    Story(
        "nl-dijk",
        "microdata",
        "Kabinet trekt extra geld uit voor versterking van dijken",
        "2025-09-16T15:00:00+02:00",
        [
            "Het kabinet trekt de komende tien jaar 2,5 miljard euro extra uit voor de versterking "
            "van dijken langs de grote rivieren, zo blijkt uit de begroting die dinsdag is "
            "gepresenteerd.",
            "De minister van Infrastructuur zei dat de klimaatverandering snellere maatregelen "
            "noodzakelijk maakt dan eerder werd gedacht.",
            "Waterschappen reageerden positief, maar waarschuwden voor een tekort aan technici.",
        ],
        ["Pieter de Vries"],
        language="nl",
        site="Delta Dagblad",
        section="Binnenland",
    ),
    Story(
        "vaccine-trial",
        "microdata",
        "Malaria vaccine trial shows strong protection in children",
        "2025-02-03T16:00:00+00:00",
        [
            "A new malaria vaccine protected more than three quarters of children from the "
            "disease in a large trial, researchers reported on Monday.",
            "The trial involved 4,800 children aged between five months and three years in four "
            "countries, and followed them for eighteen months after vaccination.",
            "The researchers said the vaccine was cheap to produce and could be made in large "
            "quantities within two years if regulators approved it.",
            "Health officials cautioned that the vaccine would need to be combined with bed nets "
            "and other measures.",
        ],
        ["Dr Ama Mensah"],
        site="The Harbour Ledger",
        section="Science",
    ),
    Story(
        "refugee-boat",
        "microdata",
        "Coastguard rescues 86 people from sinking boat",
        "2025-07-02T05:50:00+02:00",
        [
            "The coastguard rescued 86 people, including 14 children, from a sinking boat about "
            "40 nautical miles off the southern coast early on Wednesday.",
            "The boat had left the opposite shore two days earlier and its engine had failed, "
            "survivors told aid workers after they were brought ashore.",
            "Two people were taken to hospital with hypothermia. The coastguard said it was "
            "searching for at least three people believed to be missing.",
        ],
        [],
        site="Aegean Observer",
    ),
    Story(
        "script-date-trap",
        "script_dates",
        "Opposition leader calls for early election after minister resigns",
        "2025-03-19T20:05:00+00:00",
        [
            "The leader of the opposition called on Wednesday for an early election after the "
            "finance minister resigned over a row about the government's spending plans.",
            "The minister said in her resignation letter that she could not support a budget "
            "that broke the government's own borrowing rules.",
            "The prime minister thanked her for her service and appointed the deputy finance "
            "minister, Adrian Cole, to replace her.",
        ],
        ["Beth Arden"],
        site="Westland Herald",
        section="Politics",
    ),
    Story(
        "concert-announcement",
        "script_dates",
        "Orchestra announces free open-air concert for city anniversary",
        "2025-05-06T10:30:00+02:00",
        [
            "The city orchestra announced on Tuesday that it would give a free open-air concert "
            "in the main square in September to mark the city's 800th anniversary.",
            "The programme will include a new work commissioned from a local composer, and the "
            "city expects up to 20,000 people to attend.",
            "The concert will be broadcast live on regional television.",
        ],
        [],
        site="Valley Courier",
        section="Culture",
    ),
    Story(
        "url-date-only",
        "url_date",
        "Minister opens new wind farm off the east coast",
        "2025-08-21T00:00:00+00:00",
        [
            "The energy minister opened the country's largest offshore wind farm on Thursday, "
            "whose 90 turbines can supply electricity to about 700,000 homes.",
            "The wind farm, built 30 kilometres off the east coast, took four years to complete "
            "and cost about 3 billion.",
            "Environmental groups welcomed the project but said the government needed to speed "
            "up approvals for new farms to meet its climate targets.",
        ],
        [],
        site="Coastline Daily",
        section="Environment",
    ),
    Story(
        "lists-and-tables",
        "key_points",
        "What the new housing law means for tenants",
        "2025-11-20T09:00:00+00:00",
        [
            "Parliament passed the new housing law on Wednesday after more than a year of debate. "
            "Here is what changes for tenants.",
            "Rent rises will be limited to once a year and tied to inflation.",
            "Landlords will need a legal reason to end a tenancy, such as selling the property.",
            "A national register of landlords will be set up by 2027.",
            "The law comes into force in April. Landlords' associations say it will reduce the "
            "number of homes for rent, while tenants' groups say it does not go far enough.",
        ],
        ["Mira Sandell"],
        site="The Harbour Ledger",
        section="Housing",
    ),
    Story(
        "captions-pullquotes",
        "key_points",
        "Miners trapped underground for two days are brought to safety",
        "2025-01-16T04:20:00+01:00",
        [
            "All nine miners trapped underground for two days after a tunnel collapse at the "
            "Karst mine were brought to the surface early on Thursday, the mine's operator said.",
            "Rescuers drilled a new shaft to reach the men, who had sheltered in a safety chamber "
            "with water and air supplies.",
            "The miners were taken to hospital for checks but none was seriously injured, "
            "doctors said.",
            "The mining inspectorate has opened an investigation into the collapse.",
        ],
        ["Adam Novak"],
        site="Valley Courier",
        section="National",
    ),
    Story(
        "embassy-protest",
        "jsonld",
        "Protesters gather outside embassy after journalist detained",
        "2025-11-28T19:10:00+00:00",
        [
            "Several hundred people protested outside the Kestrian embassy on Friday evening to "
            "demand the release of a journalist detained in Kestria last week.",
            "The journalist, who works for a regional broadcaster, was arrested while reporting on "
            "a protest in the capital and has been accused of working without accreditation.",
            "The foreign ministry said it had summoned the Kestrian ambassador and that consular "
            "staff had been allowed to visit the journalist on Thursday.",
        ],
        ["Sam Okafor"],
        site="The Harbour Ledger",
    ),
    Story(
        "drought-cities",
        "boilerplate",
        "Water restrictions imposed in three cities as reservoirs fall",
        "2025-08-04T13:00:00+02:00",
        [
            "Three cities in the south imposed water restrictions on Monday after reservoirs fell "
            "to less than a quarter of their capacity following the driest summer in decades.",
            "Residents are banned from watering gardens and filling swimming pools, and fines of "
            "up to 600 can be imposed for breaking the rules.",
            "The water authority said it was preparing to bring water by tanker to villages "
            "where supplies were running out.",
        ],
        ["Elsa Moreau"],
        site="Aegean Observer",
        section="Environment",
    ),
    # Dates the publisher writes in two zones: JSON-LD in UTC, the page in local time.
    Story(
        "night-ferry-fire",
        "utc_jsonld",
        "Ferry passengers evacuated after engine room fire",
        "2025-04-12T00:30:00+02:00",
        [
            "More than 200 passengers were taken off a night ferry in the port of Lanmere shortly "
            "after midnight when a fire broke out in the engine room as the ship was docking.",
            "The coastguard said the crew had put out the fire within half an hour and that two "
            "sailors were treated for smoke inhalation at the scene.",
            "The ferry company cancelled the morning crossings and said an inspection of the "
            "vessel would begin once investigators had finished their work on board.",
        ],
        ["Ines Calder"],
        site="The Harbour Ledger",
    ),
    Story(
        "assembly-late-vote",
        "utc_jsonld",
        "Assembly passes transit budget in late-night vote",
        "2025-02-20T21:05:00-05:00",
        [
            "The regional assembly approved a two-year transit budget on Thursday night after a "
            "debate that ran for more than nine hours, with 41 members voting in favour and 33 "
            "against.",
            "The budget includes money for 120 new buses and a study of a light rail line "
            "between the airport and the city centre, which opponents called premature.",
            "The transit authority said the first of the new buses could be on the roads by the "
            "end of next year if the tender process goes ahead as planned.",
        ],
        ["Noah Brandt", "Lea Vos"],
        site="Northfield Courier",
        section="Politics",
    ),
    # The only date is a dateline in the running text: no meta, no <time>, no date in the URL.
    Story(
        "mill-closure",
        "text_date",
        "Paper mill to close with the loss of 300 jobs",
        "2025-05-14T10:00:00+01:00",
        [
            "The owners of the paper mill in Carrow announced on Wednesday that it would close "
            "at the end of the year, with the loss of about 300 jobs in a town of 9,000 people.",
            "The company blamed falling demand for newsprint and higher energy costs, and said it "
            "would offer retraining and help for workers looking for jobs elsewhere.",
            "The town's mayor said the closure was a heavy blow and called on the government to "
            "help attract new employers to the site.",
        ],
        site="Carrow Weekly",
        section="Business",
    ),
]

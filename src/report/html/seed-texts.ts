// Fixed texts of the seed report (KGSt/ÖFIT 2019, "Wie sind die Kommunen digital aufgestellt?"): chapter
// titles and the six Handlungsempfehlungen, verbatim. Numbers never live here (statements.ts).

export const REPORT_SOURCE = 'KGSt und ÖFIT (2019): Wie sind die Kommunen digital aufgestellt?';

export const INTRODUCTION =
  'Was zeichnet Kommunen aus, die digital gut aufgestellt sind? Was machen sie anders als andere Kommunen und was kann man von ihnen lernen? Befragt wurden Kommunen in ganz Deutschland zu ihren Digitalisierungsaktivitäten. Im Zentrum standen dabei Fragen zur strategischen Herangehensweise sowie zur Digitalisierung in der öffentlichen Verwaltung und in der örtlichen Gemeinschaft.';

export const RECOMMENDATIONS: readonly { readonly title: string; readonly text: string }[] = [
  {
    title: 'Alle(s) wirksam vernetzen!',
    text: 'Die Digitalisierung der Verwaltung nach außen zu Bürger:innen, Unternehmen und Organisationen kann keine Kommune allein leisten. Zusammenarbeit und technische Vernetzung, beispielsweise durch die gemeinsame Nutzung von IT-Komponenten, sind daher ein ebenso unerlässlicher wie effizienter Weg. Dazu müssen alle Beteiligten sowohl befähigt als auch willens sein, sich auf die Vernetzung einzulassen. Am Anfang eines jeden Digitalisierungsprojekts sollten daher die Fragen stehen: »Wo können wir was abgucken? Mit wem machen wir das gemeinsam?«',
  },
  {
    title: 'Den Datenschutz nutzen!',
    text: 'Daten bieten vielfältige Potenziale zur Verbesserung der kommunalen Leistungen. Bisher steckt die Datennutzung jedoch noch in den Kinderschuhen und wird vorwiegend zur internen Prozessoptimierung eingesetzt. Hier gilt es, die Voraussetzungen für eine umfassende Nutzung und Nachnutzung der vorhandenen und stetig hinzukommenden Daten zu schaffen und damit insbesondere auch Umfang, Nutzerfreundlichkeit und Qualität der nach außen gerichteten Angebote zu steigern – was oft genug mit der Automatisierung von (Teil-)Prozessen einhergeht.',
  },
  {
    title: 'Ganzheitlich und integriert vorgehen!',
    text: 'Die Digitalisierungsstrategie wird für den Großteil der Kommunen noch von Themen rund um die Verwaltungsdigitalisierung dominiert. Eine partizipativ entwickelte Strategie, welche die Digitalisierung in der örtlichen Gemeinschaft und in der Verwaltung integriert betrachtet, trägt dazu bei, dass eine Koordinierung unterschiedlicher Aktivitäten, eine Transparenz über jeweilige strategische Ziele und somit auch das Heben von Synergieeffekten überhaupt erst möglich werden.',
  },
  {
    title: 'Digitalisierung lässt sich nicht im Silo gestalten!',
    text: 'Die Digitalisierung ist aktuell noch häufig in IT- oder Organisationsabteilungen verortet. Wird sie hingegen zur »Chefsache« gemacht und fachbereichsübergreifend aus der Leitungsebene betrachtet und gesteuert, kann dies neue Impulse setzen und als Katalysator für digitale Prozesse wirken. Die Strategieentwicklung sollte daher auch eine aktive Auseinandersetzung mit Rollen und Verantwortungsstrukturen umfassen.',
  },
  {
    title: 'Mitarbeiter:innen und Bürger:innen als Mitgestalter:innen einbeziehen!',
    text: 'Damit die Digitalisierung auf kommunaler Ebene gelingt, müssen die Kompetenzen der Verwaltungsmitarbeiter:innen und der Bürger:innen als Nachfrager:innen und Treiber:innen digitaler Verwaltungsangebote gefördert werden. Je mehr Digitalisierung dabei als ein umfassender Transformationsprozess verstanden wird, um Strukturen, Prozesse und Formen der Zusammenarbeit neu zu gestalten, desto besser können die Potenziale der Digitalisierung im Zusammenspiel der Akteure genutzt werden.',
  },
  {
    title: 'Was heute nur ausreicht, wirft morgen zurück!',
    text: 'Der Infrastrukturausbau ist eine Daueraufgabe, die ohne kommunale Beteiligung nicht erfüllt werden kann. Der technische Fortschritt macht hier dauerhafte Bemühungen erforderlich. Zugleich eignet sich eine schlechte Infrastruktur aber kaum zur Begründung für fehlende digitale Angebote: Gute E-Government-Angebote passen auch durch langsame Datenleitungen.',
  },
];

/** Register attribution (Destatis, dl-de/by-2-0); same text as web/page-layout.ts REGISTER_ATTRIBUTION (a test keeps them equal). */
export const REGISTER_ATTRIBUTION =
  'Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, Gebietsstand 31.12.2024, © Statistische Ämter des Bundes und der Länder, 2025; Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0); Daten verändert (umformatiert, Leerzeichen in Namen normalisiert, gemeindefreie Gebiete entfernt, Kreissummen gebildet).';

// The 2019 questionnaire "Kommunen digital" as one frozen value (shared/spec/instrument.md).
// IDs and German labels are verbatim from instrument.md; where it gives an ID only, the German label is ours.
import type { Instrument } from '../model.js';
import type { FlatVariableName, QuestionIdOf, DerivedVariableIdOf } from '../instrument-types.js';
import { deepFreeze } from '../deep-freeze.js';
import { derived2019 } from './derived-2019.js';

// instrument.md B: strategy_fields … strategy_ozg share this condition.
const strategyAsked = { variable: 'strategy_status', in: ['vorhanden', 'in_entwicklung'] } as const;

const yesNo = [
  { id: 'ja', label: 'Ja', labelEn: 'Yes' },
  { id: 'nein', label: 'Nein', labelEn: 'No' },
] as const;

// instrument.md C: the nine Basiskomponenten plus dms (not one of the nine).
const componentItems = [
  { id: 'formularserver', label: 'Formularserver (Online-Formulare)', labelEn: 'Form server (online forms)' },
  { id: 'epayment', label: 'Elektronische Bezahlmöglichkeit (E-Payment)', labelEn: 'Electronic payment (e-payment)' },
  { id: 'servicekonto', label: 'Servicekonto / Bürgerkonto', labelEn: 'Service account / citizen account' },
  { id: 'eid', label: 'eID-Funktion (Online-Ausweisfunktion)', labelEn: 'eID (online ID card function)' },
  { id: 'de_mail', label: 'De-Mail', labelEn: 'De-Mail' },
  { id: 'postfach', label: 'Verwaltungspostfach', labelEn: 'Administrative mailbox' },
  { id: 'suche', label: 'Suchfunktion (z. B. Zuständigkeitsfinder)', labelEn: 'Search (e.g. responsibility finder)' },
  { id: 'app', label: 'Mobile App', labelEn: 'Mobile app' },
  { id: 'chatbot', label: 'Chatbot', labelEn: 'Chatbot' },
  { id: 'dms', label: 'Dokumentenmanagementsystem (DMS) / E-Akte', labelEn: 'Document management system / e-file' },
] as const;

const stateLevel = [
  { id: 'ja', label: 'Ja', labelEn: 'Yes' },
  { id: 'geplant', label: 'Geplant', labelEn: 'Planned' },
  { id: 'nein', label: 'Nein', labelEn: 'No' },
] as const;

export const instrument2019 = deepFreeze({
  id: 'kommunen_digital',
  version: '2019',
  title: 'Wie sind die Kommunen digital aufgestellt? (2019)',
  // instrument.md A: from the municipality register, confirmed by the respondent.
  registerFields: [
    { id: 'ags', label: 'Amtlicher Gemeindeschlüssel' },
    { id: 'name', label: 'Name' },
    { id: 'state', label: 'Bundesland' },
    { id: 'district', label: 'Kreis' },
    { id: 'unit_type', label: 'Art der Kommune' },
    { id: 'population', label: 'Einwohnerzahl' },
    { id: 'size_class', label: 'KGSt-Größenklasse' },
  ],
  sections: [
    {
      id: 'stammdaten',
      title: 'Stammdaten',
      titleEn: 'Basic data',
      questions: [
        {
          id: 'respondent_role',
          type: 'single',
          label: 'Funktion der ausfüllenden Person',
          labelEn: 'Role of the person filling in the questionnaire',
          options: [
            { id: 'buergermeister', label: '(Ober-)Bürgermeister:in bzw. Landrat/Landrätin', labelEn: 'Mayor or district administrator' },
            { id: 'cdo', label: 'Chief Digital Officer (CDO)', labelEn: 'Chief Digital Officer' },
            { id: 'cio', label: 'Chief Information Officer (CIO)', labelEn: 'Chief Information Officer' },
            { id: 'it_leitung', label: 'Leitung der IT', labelEn: 'Head of IT' },
            { id: 'organisation', label: 'Organisations-/Hauptamt', labelEn: 'Organisation / central office' },
            { id: 'stabsstelle', label: 'Stabsstelle Digitalisierung', labelEn: 'Digitalisation staff unit' },
            { id: 'sonstige', label: 'Sonstige Funktion', labelEn: 'Other role' },
          ],
        },
      ],
    },
    {
      id: 'strategie',
      title: 'Digitalisierungsstrategie',
      titleEn: 'Digitalisation strategy',
      questions: [
        {
          id: 'strategy_status',
          type: 'single',
          label: 'Hat Ihre Kommune eine Digitalisierungsstrategie?',
          labelEn: 'Does your municipality have a digitalisation strategy?',
          options: [
            { id: 'vorhanden', label: 'Ja, liegt vor', labelEn: 'Yes, it exists' },
            { id: 'in_entwicklung', label: 'Wird derzeit entwickelt', labelEn: 'Currently being developed' },
            { id: 'geplant', label: 'Nein, ist aber geplant', labelEn: 'No, but planned' },
            { id: 'kein_thema', label: 'Nein, ist für uns (noch) kein Thema', labelEn: 'No, not (yet) an issue for us' },
          ],
        },
        {
          id: 'strategy_fields',
          type: 'multi',
          max: 3,
          label: 'Welches sind die drei wichtigsten Handlungsfelder Ihrer Strategie?',
          labelEn: 'What are the three most important fields of action of your strategy?',
          note: 'Bitte höchstens drei auswählen.',
          showIf: strategyAsked,
          options: [
            { id: 'verwaltung', label: 'Verwaltungshandeln', labelEn: 'Administration' },
            { id: 'infrastruktur', label: 'Digitale Infrastruktur', labelEn: 'Digital infrastructure' },
            { id: 'bildung_kultur_wissenschaft', label: 'Bildung, Kultur und Wissenschaft', labelEn: 'Education, culture and science' },
            { id: 'verkehr_mobilitaet', label: 'Verkehr und Mobilität', labelEn: 'Transport and mobility' },
            { id: 'wirtschaft_handel', label: 'Wirtschaft und Handel', labelEn: 'Business and trade' },
            { id: 'gesundheit_pflege', label: 'Gesundheit und Pflege', labelEn: 'Health and care' },
            { id: 'umwelt_energie', label: 'Umwelt und Energie', labelEn: 'Environment and energy' },
            { id: 'sicherheit_ordnung', label: 'Sicherheit und Ordnung', labelEn: 'Public safety and order' },
            { id: 'partizipation', label: 'Partizipation', labelEn: 'Participation' },
            { id: 'sonstiges', label: 'Sonstiges', labelEn: 'Other' },
          ],
        },
        {
          id: 'strategy_goals',
          type: 'multi',
          max: 3,
          label: 'Welches sind die drei wichtigsten Ziele?',
          labelEn: 'What are the three most important goals?',
          note: 'Bitte höchstens drei auswählen.',
          showIf: strategyAsked,
          options: [
            { id: 'effizienz', label: 'Effizienz und Effektivität der Verwaltung', labelEn: 'Efficiency and effectiveness of the administration' },
            { id: 'buergernaehe', label: 'Bürgernahe und offene Verwaltung', labelEn: 'Citizen-oriented and open administration' },
            { id: 'leistungsangebot', label: 'Erweitertes Leistungsangebot der Verwaltung', labelEn: 'Extended range of administrative services' },
            { id: 'attraktivitaet', label: 'Attraktivität der Kommune stärken', labelEn: 'Make the municipality more attractive' },
            { id: 'daseinsvorsorge', label: 'Kommunale Daseinsvorsorge zukunftsgerichtet weiterentwickeln', labelEn: 'Develop public services for the future' },
            { id: 'sonstiges', label: 'Sonstiges', labelEn: 'Other' },
          ],
        },
        {
          id: 'strategy_links',
          type: 'multi',
          label: 'An welche Strategien oder Konzepte knüpft sie an?',
          labelEn: 'Which strategies or concepts does it build on?',
          showIf: strategyAsked,
          options: [
            { id: 'it_strategie', label: 'Kommunale IT-Strategie', labelEn: 'Municipal IT strategy' },
            { id: 'gesamtstrategie', label: 'Kommunale Gesamtstrategie', labelEn: 'Overall municipal strategy' },
            { id: 'entwicklungskonzept', label: 'Stadt- bzw. Kreisentwicklungskonzept', labelEn: 'Urban or district development plan' },
            { id: 'bundesstrategie', label: 'Digitalstrategie des Bundes', labelEn: 'Federal digital strategy' },
            { id: 'landesstrategie', label: 'Digitalstrategie des Landes', labelEn: 'State digital strategy' },
            { id: 'andere', label: 'Andere Strategien oder Konzepte', labelEn: 'Other strategies or concepts' },
            { id: 'keine', label: 'Keine', labelEn: 'None', exclusive: true },
          ],
        },
        {
          id: 'strategy_ozg',
          type: 'single',
          label: 'Berücksichtigt die Strategie das Onlinezugangsgesetz (OZG) im Handlungsfeld E-Government?',
          labelEn: 'Does the strategy take the Online Access Act (OZG) into account in the field of e-government?',
          showIf: strategyAsked,
          options: [
            ...yesNo,
            { id: 'kein_egov_feld', label: 'E-Government ist kein Handlungsfeld', labelEn: 'E-government is not a field of action' },
          ],
        },
      ],
    },
    {
      id: 'e_government',
      title: 'E-Government',
      titleEn: 'E-government',
      questions: [
        {
          id: 'components',
          type: 'grid-single',
          label: 'Ist die Komponente im Einsatz?',
          labelEn: 'Is the component in use?',
          items: componentItems,
          options: [
            { id: 'im_einsatz', label: 'Im Einsatz', labelEn: 'In use' },
            { id: 'geplant', label: 'Geplant', labelEn: 'Planned' },
            { id: 'nein', label: 'Nein', labelEn: 'No' },
          ],
        },
        {
          id: 'operator',
          type: 'grid-multi',
          label: 'Wer betreibt sie?',
          labelEn: 'Who operates it?',
          items: componentItems,
          itemShowIf: { question: 'components', in: ['im_einsatz'] },
          options: [
            { id: 'eigene_it', label: 'Eigene IT-Abteilung', labelEn: 'Own IT department' },
            { id: 'kommunaler_dienstleister', label: 'Kommunaler IT-Dienstleister', labelEn: 'Municipal IT service provider' },
            { id: 'privater_dienstleister', label: 'Privatwirtschaftlicher Dienstleister', labelEn: 'Private service provider' },
            { id: 'land', label: 'Landesverwaltung / Landeslösung', labelEn: 'State administration / state solution' },
            { id: 'weiss_nicht', label: 'Weiß nicht', labelEn: "Don't know", exclusive: true },
          ],
        },
        {
          id: 'fim_known',
          type: 'single',
          label: 'Kennen Sie das Föderale Informationsmanagement (FIM)?',
          labelEn: 'Do you know the Federal Information Management (FIM)?',
          options: yesNo,
        },
        {
          id: 'fim_helpfulness',
          type: 'grid-single',
          label: 'Wie hilfreich sind die FIM-Bausteine?',
          labelEn: 'How helpful are the FIM modules?',
          showIf: { variable: 'fim_known', in: ['ja'] },
          items: [
            { id: 'leistungen', label: 'Leistungen', labelEn: 'Services' },
            { id: 'datenfelder', label: 'Datenfelder', labelEn: 'Data fields' },
            { id: 'prozesse', label: 'Prozesse', labelEn: 'Processes' },
          ],
          options: [
            { id: 'sehr_hilfreich', label: 'Sehr hilfreich', labelEn: 'Very helpful' },
            { id: 'eher_hilfreich', label: 'Eher hilfreich', labelEn: 'Rather helpful' },
            { id: 'eher_nicht_hilfreich', label: 'Eher nicht hilfreich', labelEn: 'Rather not helpful' },
            { id: 'nicht_hilfreich', label: 'Nicht hilfreich', labelEn: 'Not helpful' },
            { id: 'nicht_genutzt', label: 'Nicht genutzt / kann ich nicht beurteilen', labelEn: 'Not used / cannot judge' },
          ],
        },
      ],
    },
    {
      id: 'daten',
      title: 'Daten',
      titleEn: 'Data',
      questions: [
        {
          id: 'data_instruments',
          type: 'grid-single',
          label: 'In welchem Maße setzen Sie folgende Instrumente im Umgang mit Ihren Daten ein?',
          labelEn: 'To what extent do you use the following instruments in handling your data?',
          items: [
            { id: 'bestandsaufnahme', label: 'Systematische Bestandsaufnahme der vorhandenen Daten', labelEn: 'Systematic inventory of existing data' },
            { id: 'offenlegung', label: 'Offenlegung von Daten / Open Data', labelEn: 'Disclosure of data / open data' },
            { id: 'bereitstellung', label: 'Zentrale Bereitstellung von Daten', labelEn: 'Central provision of data' },
          ],
          options: [
            { id: 'gar_nicht', label: 'Gar nicht', labelEn: 'Not at all' },
            { id: 'gering', label: 'In geringem Maße', labelEn: 'To a small extent' },
            { id: 'hoch', label: 'In hohem Maße', labelEn: 'To a large extent' },
            { id: 'intensiv', label: 'Intensiv', labelEn: 'Intensively' },
            { id: 'weiss_nicht', label: 'Weiß nicht', labelEn: "Don't know" },
          ],
        },
        {
          id: 'data_uses',
          type: 'multi',
          label: 'Wofür nutzen Sie Ihre Daten?',
          labelEn: 'What do you use your data for?',
          options: [
            {
              id: 'personaleinsatz',
              label: 'Prozesskennzahlen zur Optimierung des Personaleinsatzes und zur Terminsteuerung',
              labelEn: 'Process indicators to optimise staffing and scheduling',
            },
            { id: 'optimierung', label: 'Identifizierung von Optimierungspotenzialen', labelEn: 'Identifying potential for optimisation' },
            { id: 'automatisierung', label: 'Vollständige Automatisierung von Prozessen', labelEn: 'Full automation of processes' },
            { id: 'steuerung', label: 'Steuerung und Controlling', labelEn: 'Management and controlling' },
            { id: 'keine', label: 'Keine dieser Nutzungen', labelEn: 'None of these', exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'verantwortung',
      title: 'Verantwortung',
      titleEn: 'Responsibility',
      questions: [
        {
          id: 'responsible_admin',
          type: 'multi',
          label: 'Wer verantwortet die Digitalisierung der Verwaltung (mit)?',
          labelEn: 'Who is (jointly) responsible for digitalising the administration?',
          options: [
            { id: 'buergermeister', label: 'Büro (Ober-)Bürgermeister:in bzw. Landrat/Landrätin', labelEn: "Mayor's or district administrator's office" },
            { id: 'cdo', label: 'Chief Digital Officer', labelEn: 'Chief Digital Officer' },
            { id: 'cio', label: 'Chief Information Officer', labelEn: 'Chief Information Officer' },
            { id: 'it_abteilung', label: 'IT-Abteilung', labelEn: 'IT department' },
            { id: 'organisation', label: 'Organisations-/Hauptamt', labelEn: 'Organisation / central office' },
            { id: 'stabsstelle', label: 'Stabsstelle Digitalisierung', labelEn: 'Digitalisation staff unit' },
            { id: 'fachbereiche', label: 'Fachbereiche', labelEn: 'Specialist departments' },
            { id: 'niemand', label: 'Keine explizite Zuständigkeit', labelEn: 'No explicit responsibility', exclusive: true },
          ],
        },
        {
          id: 'responsible_community',
          type: 'multi',
          label: 'Wer verantwortet die Digitalisierung in der örtlichen Gemeinschaft (mit)?',
          labelEn: 'Who is (jointly) responsible for digitalisation in the local community?',
          options: [
            { id: 'buergermeister', label: 'Büro (Ober-)Bürgermeister:in bzw. Landrat/Landrätin', labelEn: "Mayor's or district administrator's office" },
            { id: 'cdo', label: 'Chief Digital Officer', labelEn: 'Chief Digital Officer' },
            { id: 'cio', label: 'Chief Information Officer', labelEn: 'Chief Information Officer' },
            { id: 'wirtschaftsfoerderung', label: 'Wirtschaftsförderung', labelEn: 'Economic development' },
            { id: 'stadtentwicklung', label: 'Stadtentwicklung', labelEn: 'Urban development' },
            { id: 'it_abteilung', label: 'IT-Abteilung', labelEn: 'IT department' },
            { id: 'stabsstelle', label: 'Stabsstelle Digitalisierung', labelEn: 'Digitalisation staff unit' },
            { id: 'niemand', label: 'Keine explizite Zuständigkeit', labelEn: 'No explicit responsibility', exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'kompetenzen',
      title: 'Kompetenzen',
      titleEn: 'Skills',
      questions: [
        {
          id: 'training',
          type: 'grid-single',
          label: 'Zu welchen Themen bieten Sie Ihren Mitarbeiter:innen Fortbildungen an?',
          labelEn: 'On which topics do you offer training to your staff?',
          items: [
            { id: 'fachverfahren', label: 'Fachverfahren und Anwendungen', labelEn: 'Specialist procedures and applications' },
            { id: 'trends', label: 'Technologische Trends und ihre Bedeutung für die Verwaltung', labelEn: 'Technology trends and their meaning for the administration' },
            { id: 'arbeitsorganisation', label: 'Digitale Arbeitsorganisation, neue Formen der Zusammenarbeit', labelEn: 'Digital work organisation, new forms of collaboration' },
            { id: 'fuehrung', label: 'Führen im digitalen Zeitalter: Veränderungsmanagement, laterales Führen', labelEn: 'Leading in the digital age: change management, lateral leadership' },
            { id: 'datenschutz_sicherheit', label: 'Datenschutz und Informationssicherheit', labelEn: 'Data protection and information security' },
          ],
          options: [
            { id: 'angeboten', label: 'Angeboten', labelEn: 'Offered' },
            { id: 'geplant', label: 'Geplant', labelEn: 'Planned' },
            { id: 'nein', label: 'Nein', labelEn: 'No' },
          ],
        },
      ],
    },
    {
      id: 'oertliche_gemeinschaft',
      title: 'Örtliche Gemeinschaft',
      titleEn: 'Local community',
      questions: [
        {
          id: 'community_support',
          type: 'grid-multi',
          label: 'Unterstützt Ihre Kommune folgende Angebote finanziell, logistisch oder anderweitig?',
          labelEn: 'Does your municipality support the following financially, logistically or otherwise?',
          items: [
            { id: 'lokale_wirtschaft', label: 'Digitalisierung der lokalen Wirtschaft', labelEn: 'Digitalisation of local business' },
            { id: 'startups', label: 'Startup-Förderung', labelEn: 'Start-up support' },
            { id: 'digitalkompetenz', label: 'Entwicklung von Digitalkompetenzen der Bürger:innen', labelEn: "Citizens' digital skills" },
            { id: 'wlan', label: 'Freie WLAN-Hotspots', labelEn: 'Free Wi-Fi hotspots' },
            { id: 'iot', label: 'Internet-der-Dinge-Funktechniken, z. B. LoRaWAN', labelEn: 'Internet-of-things radio, e.g. LoRaWAN' },
            { id: 'sharing', label: 'Digital vermittelte Sharing-Angebote, z. B. Bike- oder Ridesharing', labelEn: 'Digitally brokered sharing, e.g. bike or ride sharing' },
            { id: 'ehrenamt', label: 'Digitalisierung des Ehrenamts', labelEn: 'Digitalisation of volunteering' },
            { id: 'civic_tech', label: 'Civic Tech', labelEn: 'Civic tech' },
          ],
          options: [
            { id: 'finanziell', label: 'Finanziell', labelEn: 'Financially' },
            { id: 'logistisch', label: 'Logistisch', labelEn: 'Logistically' },
            { id: 'anderweitig', label: 'Anderweitig', labelEn: 'Otherwise' },
            { id: 'keine', label: 'Nicht unterstützt', labelEn: 'Not supported', exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'infrastruktur',
      title: 'Infrastruktur',
      titleEn: 'Infrastructure',
      questions: [
        {
          id: 'fiber',
          type: 'grid-single',
          label: 'Wie beteiligt sich Ihre Kommune an Aufbau oder Betrieb lokaler Glasfasernetze?',
          labelEn: 'How does your municipality take part in building or operating local fibre networks?',
          items: [
            { id: 'foerdermittel_einwerben', label: 'Einwerbung von Fördermitteln', labelEn: 'Applying for funding' },
            { id: 'foerdermittel_bereitstellen', label: 'Bereitstellung von Fördermitteln', labelEn: 'Providing funding' },
            { id: 'kooperation_kommunen', label: 'Ausbau/Betrieb in Kooperation mit anderen Kommunen', labelEn: 'Building/operating with other municipalities' },
            { id: 'kooperation_wirtschaft', label: 'Ausbau/Betrieb in Kooperation mit der lokalen Wirtschaft', labelEn: 'Building/operating with local business' },
            { id: 'kooperation_zivilgesellschaft', label: 'Ausbau/Betrieb in Kooperation mit der Zivilgesellschaft', labelEn: 'Building/operating with civil society' },
            { id: 'eigener_ausbau', label: 'Eigener Ausbau oder Betrieb, z. B. Stadtwerke', labelEn: 'Own building or operation, e.g. municipal utilities' },
          ],
          options: stateLevel,
        },
        {
          id: 'broadband_grade',
          type: 'single',
          label: 'Wie bewerten Sie die Breitbandversorgung in Ihrer Kommune (Schulnote)?',
          labelEn: 'How do you rate broadband coverage in your municipality (school grade)?',
          options: [
            { id: '1', label: '1 – sehr gut', labelEn: '1 – very good' },
            { id: '2', label: '2 – gut', labelEn: '2 – good' },
            { id: '3', label: '3 – befriedigend', labelEn: '3 – satisfactory' },
            { id: '4', label: '4 – ausreichend', labelEn: '4 – sufficient' },
            { id: '5', label: '5 – mangelhaft', labelEn: '5 – poor' },
            { id: '6', label: '6 – ungenügend', labelEn: '6 – insufficient' },
          ],
        },
      ],
    },
    {
      id: 'abschluss',
      title: 'Abschluss',
      titleEn: 'Closing',
      questions: [
        {
          id: 'peer_exchange',
          type: 'single',
          label: 'Dürfen andere teilnehmende Kommunen Sie für einen Erfahrungsaustausch kontaktieren?',
          labelEn: 'May other participating municipalities contact you to share experience?',
          options: yesNo,
        },
        {
          id: 'contact_email',
          type: 'email',
          personal: true,
          label: 'Kontakt für den Austausch',
          labelEn: 'Contact for the exchange',
          note: 'Nur für teilnehmende Kommunen sichtbar, die ebenfalls zugestimmt haben; jederzeit löschbar.',
          showIf: { variable: 'peer_exchange', in: ['ja'] },
        },
        {
          id: 'comments',
          type: 'text',
          maxLength: 2000,
          label: 'Anmerkungen',
          labelEn: 'Comments',
          note: 'Höchstens 2.000 Zeichen.',
        },
      ],
    },
  ],
  derived: derived2019,
} as const satisfies Instrument);

export type QuestionId2019 = QuestionIdOf<typeof instrument2019>;
export type FlatVariableName2019 = FlatVariableName<typeof instrument2019>;
export type DerivedVariableId2019 = DerivedVariableIdOf<typeof instrument2019>;

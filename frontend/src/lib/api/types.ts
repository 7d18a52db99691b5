/**
 * The JSON shapes of Vrijhaven's public content API, as the front end reads them.
 *
 * The API's OpenAPI document (/api/schema/) is turned into generated/schema.d.ts by
 * `npm run generate:api`. That document marks most members optional and describes inline
 * lists (press contacts, phases, services) only as "objects", so the views read the
 * precise shapes below instead, written from cms/api/ and its live answers; conformance.ts
 * proves at build time that they refine the generated ones, and enumerations come from it.
 */
import type { components } from "./generated/schema";

type Schemas = components["schemas"];

/** Dates travel as ISO 8601 strings; `null` when a page has none. */
export type IsoDateTime = string;
export type IsoDate = string;

/** A page type as `app_label.ModelName`, the names Wagtail API v2 uses. */
export type PageType =
  | "core.HomePage"
  | "themes.ThemeIndexPage"
  | "themes.ThemePage"
  | "neighbourhoods.WijkIndexPage"
  | "neighbourhoods.WijkPage"
  | "neighbourhoods.NeighbourhoodMagazine"
  | "neighbourhoods.MagazineEdition"
  | "neighbourhoods.MagazineArticle"
  | "pressroom.PressRoomPage"
  | "pressroom.PressReleasePage"
  | "projects.ProjectIndexPage"
  | "projects.ProjectPage"
  | "events.EventIndexPage"
  | "events.EventPage";

// ---- body blocks (cms/core/blocks.py BodyBlock) ----

/** An image rendition, ready for `<img>`: the alt text travels with it. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface DocumentRef {
  id: number;
  title: string;
  url: string;
}

interface BlockOf<T extends string, V> {
  type: T;
  id: string | null;
  value: V;
}

/** Rich text arrives as HTML with internal links already expanded to real URLs. */
export type ParagraphBlock = BlockOf<"paragraph", string>;
export type HeadingBlock = BlockOf<"heading", { text: string; level: number | null }>;
export type ImageBlock = BlockOf<"image", { image: Rendition | null; alt: string; caption: string | null }>;
export type CallToActionBlock = BlockOf<
  "call_to_action",
  { label: string; url: string | null; description: string | null }
>;
export type ContactBlock = BlockOf<
  "contact",
  {
    name: string;
    phone: string | null;
    email: string | null;
    address: string | null;
    opening_hours: string | null;
  }
>;
export type FaqBlock = BlockOf<"faq", { items: { question: string; answer: string }[] }>;
export type StepsBlock = BlockOf<"steps", { title: string; steps: { title: string; text: string }[] }>;
export type DocumentBlock = BlockOf<"document", { document: DocumentRef | null; title: string }>;
export type EmbedBlock = BlockOf<"embed", { url: string | null; caption: string | null }>;

export type BodyBlock =
  | ParagraphBlock
  | HeadingBlock
  | ImageBlock
  | CallToActionBlock
  | ContactBlock
  | FaqBlock
  | StepsBlock
  | DocumentBlock
  | EmbedBlock;

// ---- shared page shape (services/content/get.py) ----

/** A theme or wijk tag; a theme's `@id` is a v2 listing, a wijk's its wijk page when one exists. */
export interface TaxonomyLink {
  "@id": string;
  slug: string;
  title: string;
}

/** The short form of a page in listings, navigation and children. */
export interface PageSummary {
  "@id": string;
  "@type": PageType | string;
  UID: string;
  title: string;
  intro: string;
  language: string | null;
  published: IsoDateTime | null;
}

export interface Translation {
  "@id": string | null;
  language: string | null;
  title: string;
}

/** Where a reader of another language goes when the page has no translation in it. */
export interface TranslationFallback {
  "@id": string;
  language: string;
  /** Title of the page it leads to: the nearest translated ancestor. */
  title: string;
  /** True when that is the language's home page. */
  home: boolean;
}

export interface TranslationsComponent {
  "@id": string;
  items: Translation[];
  fallbacks: TranslationFallback[];
}

export interface Breadcrumb {
  "@id": string;
  title: string;
}

export interface BreadcrumbsComponent {
  "@id": string;
  root: string;
  items: Breadcrumb[];
}

/** A component is a link until it is named in `?expand=`; then it holds its answer. */
export type Component<T> = { "@id": string } | ({ "@id": string } & T);

export interface Batching {
  "@id": string;
  first?: string;
  last?: string;
  prev?: string;
  next?: string;
}

export interface ContentBase<T extends string, F> {
  "@id": string;
  "@type": T;
  UID: string;
  id: number;
  title: string;
  language: string;
  created: IsoDateTime | null;
  modified: IsoDateTime | null;
  published: IsoDateTime | null;
  intro: string;
  body: BodyBlock[];
  themes: TaxonomyLink[];
  wijken: TaxonomyLink[];
  parent: { "@id": string; title: string } | null;
  fields: F;
  "@components": {
    breadcrumbs: Component<Omit<BreadcrumbsComponent, "@id">>;
    translations: Component<Omit<TranslationsComponent, "@id">>;
    navigation: Component<{ items: unknown[] }>;
    children: Component<{ items: PageSummary[]; items_total: number }>;
  };
  items_total: number;
  items: PageSummary[];
  batching?: Batching;
}

// ---- per page type fields (each model's api_fields) ----

/** Who a theme page is written for (the model's choices, from the OpenAPI document). */
export type Audience = NonNullable<NonNullable<Schemas["themes_ThemePage"]["fields"]>["audience"]>;

export interface ThemeFields {
  audience?: Audience | null;
  department?: string | null;
  last_reviewed?: IsoDate | null;
}

export interface WijkService {
  kind: "dienstencentrum" | "gentinfo_punt" | "wijkregie" | "bibliotheek" | "sociaal_huis" | string;
  name: string;
  address: string;
  phone: string;
  email: string;
  opening_hours: string;
}

export interface WijkFields {
  services?: WijkService[];
}

export interface EditionFields {
  number: number | null;
  date: IsoDate | null;
}

export interface PressContact {
  key: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface PressAttachment {
  kind: "document" | "image" | string;
  image: Rendition | null;
  document: DocumentRef | null;
  title: string;
  alt: string;
  credit: string;
}

export interface PressReleaseFields {
  date: IsoDate | null;
  embargo_until: IsoDateTime | null;
  press_contacts: { contact: PressContact | null }[];
  attachments: PressAttachment[];
}

export type ParticipationStatus = "in_development" | "decided";

export interface ProjectPhase {
  title: string;
  start: IsoDate | null;
  end: IsoDate | null;
  description: string;
  is_current: boolean;
  /** "Wat we met uw inbreng deden": the team's answer for this phase; "" when none yet. */
  outcome: string;
}

export interface ProjectEventSummary {
  id: number;
  title: string;
  start: IsoDateTime | null;
  location: string;
  /** The event's public path (`nl/activiteiten/x`). */
  path: string;
}

/** Taking part (cms/projects/input_windows.py): whether and until when a reaction can be given. */
export interface ProjectParticipation {
  open: boolean;
  phase: number | null;
  phase_title: string;
  until: IsoDate | null;
  closed_on: IsoDate | null;
  question: string;
  /** Empty: an open question. */
  choices: string[];
  events: ProjectEventSummary[];
  outcomes: { phase: string; text: string }[];
}

export interface ProjectDocument {
  kind: "plan" | "presentation" | "report" | string;
  document: DocumentRef | null;
  title: string;
}

export interface ProjectFields {
  programme: string | null;
  participation_status: ParticipationStatus | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  phases: ProjectPhase[];
  documents: ProjectDocument[];
  participation: ProjectParticipation;
}

export interface EventFields {
  start: IsoDateTime | null;
  end: IsoDateTime | null;
  location_name: string | null;
  address: string | null;
  registration_required: boolean;
  /** "" when there is no registration page. */
  registration_url: string;
}

export type ThemePage = ContentBase<"themes.ThemePage", ThemeFields>;
export type WijkPage = ContentBase<"neighbourhoods.WijkPage", WijkFields>;
export type MagazineEditionPage = ContentBase<"neighbourhoods.MagazineEdition", EditionFields>;
export type PressReleasePage = ContentBase<"pressroom.PressReleasePage", PressReleaseFields>;
export type ProjectPage = ContentBase<"projects.ProjectPage", ProjectFields>;
export type EventPage = ContentBase<"events.EventPage", EventFields>;
/** Page types whose own fields the front end does not read (indexes, home, articles). */
export type OtherPage = ContentBase<
  Exclude<
    PageType,
    | "themes.ThemePage"
    | "neighbourhoods.WijkPage"
    | "neighbourhoods.MagazineEdition"
    | "pressroom.PressReleasePage"
    | "projects.ProjectPage"
    | "events.EventPage"
  >,
  Record<string, unknown>
>;

/** One page from `GET /api/content/<path>`, discriminated by `@type`. */
export type Content = ThemePage | WijkPage | MagazineEditionPage | PressReleasePage | ProjectPage | EventPage | OtherPage;

// ---- Wagtail API v2 listing (/api/v2/pages/) ----

export interface V2PageMeta {
  type: string;
  detail_url: string;
  html_url: string | null;
  slug: string;
  first_published_at: IsoDateTime | null;
  locale: string;
}

export interface V2Page {
  id: number;
  meta: V2PageMeta;
  title: string;
  [field: string]: unknown;
}

export interface V2Listing<P extends V2Page = V2Page> {
  meta: { total_count: number };
  items: P[];
}

// ---- errors (cms/http/problems.py) ----

/** RFC 7807 problem details: every API error has this shape. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  invalid_params?: { name: string; reason: string }[];
}

// ---- print edition and brand (cms/api/services/print_edition, cms/api/brand.py) ----

/** The ready PDFs of a magazine edition (`@print`). */
export type EditionPrints = Schemas["EditionPrints"];
export type EditionPrint = EditionPrints["items"][number];
/** The city's brand (`/api/brand/`): name, logo, colours, typeface, Gentinfo. */
export type Brand = Schemas["Brand"];

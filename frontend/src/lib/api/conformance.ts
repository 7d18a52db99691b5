/**
 * Compile-time proof that the hand-written types in types.ts agree with the types
 * generated from the API's OpenAPI document (generated/schema.d.ts, `npm run
 * generate:api`). `astro check` (part of the build) fails when they drift apart.
 *
 * Why both: the document marks struct members optional and describes inline lists (press
 * contacts, phases, services) only as "objects", so views written against it would need
 * a null check on every field. types.ts states what the API really sends; the checks
 * below make sure that is a refinement of what it documents, never a contradiction.
 */
import type { components } from "./generated/schema";
import type {
  BodyBlock,
  EditionFields,
  EventFields,
  PageType,
  ProblemDetails,
  ProjectFields,
  PressReleaseFields,
  Rendition,
  ThemeFields,
} from "./types";
import type { Choices, Preferences, SubscribeBody, SubscriptionOptions } from "../subscriptions";
import type { FollowBody, ReactionBody } from "../participation";
import type { JoinBody, PanelConsent, PretestForm } from "../panel";

type Schemas = components["schemas"];
/** The page-type schemas: every documented schema that has an `@type` (search, crisis and problem schemas have none). */
type PageSchema = Extract<Schemas[keyof Schemas], { "@type": string }>;
type FieldsOf<K extends keyof Schemas> = NonNullable<Schemas[K] extends { fields?: infer F } ? F : never>;

type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Refines<Ours, Documented> = [Ours] extends [Documented] ? true : false;

export type Conformance = [
  // Every page type the API documents is one the front end knows, and no other.
  Assert<Same<PageSchema["@type"], PageType>>,
  // Body blocks (the same StreamBlock on every page type).
  Assert<Refines<BodyBlock[], Schemas["themes_ThemePage"]["body"]>>,
  Assert<Refines<Rendition, NonNullable<Extract<Schemas["themes_ThemePage"]["body"][number], { type: "image" }>["value"]["image"]>>>,
  // Each page type's own fields that the document describes in full.
  Assert<Refines<ThemeFields, FieldsOf<"themes_ThemePage">>>,
  Assert<Refines<EditionFields, FieldsOf<"neighbourhoods_MagazineEdition">>>,
  Assert<Refines<EventFields, FieldsOf<"events_EventPage">>>,
  Assert<Refines<Pick<PressReleaseFields, "date" | "embargo_until">, Omit<FieldsOf<"pressroom_PressReleasePage">, "press_contacts" | "attachments">>>,
  Assert<Refines<Omit<ProjectFields, "phases" | "documents">, Omit<FieldsOf<"projects_ProjectPage">, "phases" | "documents">>>,
  // The subscription API: what it answers fits what the pages read; what they send fits what it takes.
  Assert<Refines<Schemas["SubscriptionOptions"], SubscriptionOptions>>,
  Assert<Refines<Schemas["Preferences"], Preferences>>,
  Assert<Refines<SubscribeBody, Schemas["SubscriptionRequest"]>>,
  Assert<Refines<Choices & { channels: Preferences["channels"] }, Schemas["PreferencesChange"]>>,
  // Taking part: the reaction form and following a project send what the API takes.
  Assert<Refines<ReactionBody, Schemas["ReactionRequest"]>>,
  Assert<Refines<FollowBody, Schemas["SubscriptionRequest"]>>,
  // The test panel: what the join and pretest pages read fits what the API answers; the join body fits.
  Assert<Refines<Schemas["PanelConsent"], PanelConsent>>,
  Assert<Refines<JoinBody, Schemas["PanelJoinRequest"]>>,
  Assert<Refines<Schemas["PretestForm"], PretestForm>>,
  // One error shape for the whole API.
  Assert<Refines<ProblemDetails, Schemas["Problem"]>>,
];

// @ts-check
// The JSON the hubs send and take (README, "Integrations"; C#: Comments/CommentContracts.cs,
// Meetings/RoomContracts.cs and Translations/TranslationContracts.cs — change them together). Types only: import them with
// `/** @typedef {import('./hub-types.js').CommentView} CommentView */`.
// Every date is an ISO 8601 string in UTC, ending in "Z".

/** @typedef {'general' | 'technical' | 'editorial'} CommentType */
/** @typedef {'accepted' | 'acceptedInPart' | 'notAccepted' | 'noted' | 'outOfScope'} Decision */
/** @typedef {'unchanged' | 'modified' | 'orphaned'} PlacementStatus */

/**
 * A passage inside a block: its words, up to 32 characters before and after, and offsets in the
 * block's collapsed text.
 * @typedef {{ exact: string, prefix: string, suffix: string, start: number, end: number }} QuoteSelector
 */

/** @typedef {{ exact: string, prefix: string | null, suffix: string | null, start: number | null }} QuoteInput */

/** @typedef {{ id: string, name: string, organisation: string, stakeholderGroup: string, region: string | null }} AuthorView */

/**
 * @typedef {object} DispositionView
 * @property {Decision} decision
 * @property {string} decisionName
 * @property {string} observation
 * @property {number | null} addressedVersion
 * @property {string | null} addressedAnchor
 * @property {string} decidedAt
 */

/** @typedef {{ version: number, anchor: string | null, status: PlacementStatus, passageFound: boolean }} PlacementView */

/** @typedef {{ id: number, title: string, meetingSlug: string, meetingTitle: string }} RoomRef */

/**
 * A comment as the review hub sends it. For a hidden comment, people who are not secretariat get
 * `body`, `bodyHtml`, `proposedText` and `hidden.reason` as null.
 * @typedef {object} CommentView
 * @property {number} id
 * @property {number} seq the id of its latest change
 * @property {number} versionId
 * @property {number} versionNumber
 * @property {string} anchor
 * @property {number | null} parentId
 * @property {string} clientId
 * @property {AuthorView} author
 * @property {CommentType} type
 * @property {string | null} body
 * @property {string | null} bodyHtml
 * @property {string | null} proposedText
 * @property {QuoteSelector | null} quote
 * @property {'active' | 'withdrawn'} status
 * @property {string} createdAt
 * @property {string | null} editedAt
 * @property {number} revisionCount
 * @property {{ at: string, reason: string | null } | null} hidden
 * @property {{ id: string, name: string }[]} supporters
 * @property {DispositionView | null} disposition
 * @property {number} replyCount
 * @property {string[]} areas
 * @property {string[]} principles
 * @property {PlacementView[]} placements
 * @property {RoomRef | null} [room]
 * @property {string | null} [language] the language of the reading view it was written on (null: the version's own text)
 */

/**
 * A comment of an earlier version, placed in this one (anchor null: its text is gone).
 * @typedef {{ comment: CommentView, anchor: string | null, status: PlacementStatus, quote: QuoteSelector | null, passageFound: boolean }} CarriedView
 */

/** @typedef {{ userId: string, name: string, role: string }} PresenceView */

/** @typedef {{ refusal: string | null, changesAt: string | null, now: string }} ConsultationView */

/**
 * @typedef {object} JoinResult
 * @property {number} versionId
 * @property {number} seq catch up from this after a reconnect
 * @property {CommentView[]} comments
 * @property {CarriedView[]} carried
 * @property {PresenceView[]} viewers
 * @property {boolean} canWrite
 * @property {boolean} canModerate
 * @property {string | null} readOnlyReason
 * @property {ConsultationView | null} consultation
 */

/**
 * What PostComment takes. The same clientId again returns the saved comment (no duplicate).
 * @typedef {object} PostCommentInput
 * @property {string} clientId
 * @property {number} versionId
 * @property {string} anchor
 * @property {CommentType} type
 * @property {string} body
 * @property {string | null} proposedText
 * @property {QuoteInput | null} quote
 * @property {number | null} parentId
 * @property {number | null} [roomId]
 * @property {string | null} [language] the page's language when it shows a translation (then no quote: the comment is on the whole block)
 */

/**
 * @typedef {object} CommentHistory
 * @property {number} commentId
 * @property {{ type: CommentType, body: string, proposedText: string | null, writtenAt: string }[]} revisions
 * @property {{ kind: string, actorName: string, note: string | null, at: string }[]} events
 */

// ----- /hubs/room -----

/**
 * @typedef {object} TakeawayView
 * @property {number} id
 * @property {string} text
 * @property {string} kind
 * @property {string} kindName
 * @property {string | null} anchor
 * @property {number} ordinal
 * @property {boolean} forPlenary
 * @property {string[]} areas
 * @property {string[]} principles
 * @property {string[]} supporterIds
 * @property {number} supportCount
 * @property {string | null} place the paragraph in words ("9.1 Title: “first words…”"), null without one
 */

/** @typedef {{ userId: string, name: string, raisedAt: string }} HandView */

/** Who has the floor, until the next call or until the moderator clears it. @typedef {{ userId: string, name: string, since: string }} FloorView */

/** @typedef {{ canModerate: boolean, canEditNotes: boolean, canEditTakeaways: boolean, canSupport: boolean }} RoomRights */

/**
 * What JoinRoom returns (rights apply while the room is open).
 * @typedef {object} RoomState
 * @property {number} roomId
 * @property {boolean} isOpen
 * @property {string | null} focusAnchor
 * @property {string | null} timerEndsAt
 * @property {string} notes
 * @property {string} notesHtml
 * @property {number} notesVersion
 * @property {string | null} notesSavedAt
 * @property {TakeawayView[]} takeaways
 * @property {HandView[]} hands
 * @property {RoomRights} you
 * @property {FloorView | null} floor
 */

/** The answer to SaveNotes / RestoreNotes. @typedef {{ saved: boolean, version: number, notes: string, conflict: string | null }} NotesSaveResult */

/** @typedef {{ version: number, savedAt: string, savedBy: string, length: number }} NotesRevisionView */

// ----- /hubs/translate (C#: Translations/TranslationContracts.cs, TranslationAccess.cs) -----

/** @typedef {'untranslated' | 'draft' | 'translated' | 'approved' | 'rejected' | 'outdated'} TranslationState */

/** A problem the checks found in a translation. @typedef {{ code: string, severity: 'warning' | 'blocking', message: string }} TranslationIssue */

/** One run of the word diff of a segment's English. @typedef {{ op: 'equal' | 'inserted' | 'deleted', text: string }} WordChange */

/**
 * The translation of one segment. `sourceDiff`: the word diff from the English it was translated
 * from to the current English, when they differ (outdated); null otherwise.
 * @typedef {object} TranslationView
 * @property {string} segmentId
 * @property {string} text
 * @property {TranslationState} state
 * @property {number} revision goes up with every save and review
 * @property {string | null} translatorId
 * @property {string | null} translator
 * @property {string | null} translatedAt
 * @property {string | null} reviewer
 * @property {string | null} reviewedAt
 * @property {string | null} rejectReason
 * @property {string | null} approvedText what readers see until the translation is approved again
 * @property {boolean} editorialChange
 * @property {string | null} waivedChecks
 * @property {string | null} waiverReason
 * @property {WordChange[] | null} sourceDiff
 * @property {TranslationIssue[]} issues
 */

/** The answer to SaveTranslation. Not saved: `conflict` says why and `current` is the newer text. @typedef {{ saved: boolean, current: TranslationView | null, conflict: string | null }} TranslationSaveResult */

/** @typedef {{ id: number, segmentId: string, author: string, body: string, createdAt: string }} TranslationCommentView */

/** One event of a translation's history (newest first). @typedef {{ kind: string, state: TranslationState, text: string, note: string | null, actor: string | null, at: string, versionNumber: number }} TranslationEventView */

/** @typedef {{ canView: boolean, canTranslate: boolean, canReview: boolean }} TranslationRights */

/** What JoinWorkspace returns. @typedef {{ rights: TranslationRights, people: PresenceView[] }} WorkspaceJoined */

export {};

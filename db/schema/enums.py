"""The enumerations of the exchange format: values are the public snake_case names."""

from __future__ import annotations

from enum import StrEnum


class OrganizationKind(StrEnum):
    INTERGOVERNMENTAL_ORGANIZATION = "intergovernmental_organization"
    UN_ENTITY = "un_entity"
    NATIONAL_ADMINISTRATION = "national_administration"
    REGIONAL_BODY = "regional_body"
    NGO = "ngo"
    PRIVATE_SECTOR = "private_sector"
    ACADEMIA = "academia"
    OTHER = "other"


class RelationshipStatus(StrEnum):
    PROSPECTIVE = "prospective"
    ACTIVE = "active"
    DORMANT = "dormant"


class ContactRole(StrEnum):
    FOCAL_POINT = "focal_point"
    SIGNATORY = "signatory"
    HEAD = "head"
    TECHNICAL_CONTACT = "technical_contact"
    OTHER = "other"


class AgreementKind(StrEnum):
    MEMORANDUM_OF_UNDERSTANDING = "memorandum_of_understanding"
    ARRANGEMENT_ON_COOPERATION = "arrangement_on_cooperation"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    PROJECT_AGREEMENT = "project_agreement"
    EXCHANGE_OF_LETTERS = "exchange_of_letters"
    JOINT_DECLARATION = "joint_declaration"
    LETTER_OF_INTENT = "letter_of_intent"
    OTHER = "other"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    UNDER_NEGOTIATION = "under_negotiation"
    AWAITING_SIGNATURE = "awaiting_signature"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"


class CommitmentStatus(StrEnum):
    PENDING = "pending"
    MET = "met"
    NOT_MET = "not_met"


class AssessmentRating(StrEnum):
    """How an officer rates what an instrument delivers, in a dated assessment."""

    VERY_GOOD = "very_good"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class Recommendation(StrEnum):
    """What an officer recommends for an instrument, in a dated assessment."""

    KEEP = "keep"
    REVISE = "revise"
    RENEW = "renew"
    TERMINATE = "terminate"


class ConsultationKind(StrEnum):
    BILATERAL_CONSULTATION = "bilateral_consultation"
    TECHNICAL_MEETING = "technical_meeting"
    HIGH_LEVEL_VISIT = "high_level_visit"
    STEERING_COMMITTEE = "steering_committee"
    OBSERVER = "observer"
    CALL = "call"


class ActivityKind(StrEnum):
    WORKSHOP = "workshop"
    TRAINING = "training"
    SEMINAR = "seminar"
    CONFERENCE = "conference"
    RESEARCH = "research"
    CAMPAIGN = "campaign"
    TECHNICAL_ASSISTANCE = "technical_assistance"
    ASSESSMENT = "assessment"
    SOP = "sop"
    INFORMATION_MATERIAL = "information_material"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class ActivityMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class ParticipantSex(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    NOT_RECORDED = "not_recorded"


class ParticipantRole(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    EXPERT = "expert"
    ORGANIZER = "organizer"
    OBSERVER = "observer"


class CostKind(StrEnum):
    FUNDING = "funding"
    TRAVEL = "travel"
    VENUE = "venue"
    EXPERTS = "experts"
    INTERPRETATION = "interpretation"
    MATERIALS = "materials"
    OTHER = "other"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class SourceKind(StrEnum):
    CONSULTATION = "consultation"
    ACTIVITY = "activity"
    AGREEMENT = "agreement"

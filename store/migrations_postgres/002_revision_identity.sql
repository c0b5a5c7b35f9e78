-- Two changes to 001's triggers, applied by `assay team init` like it
-- (as assay_owner, search_path the team's schema, in one transaction).
--
-- 1. Whose name a revision may copy. 001 let answers and plan edits name
-- another login when the assessment's row was last written by the
-- current transaction (its xmin), meant for a revision copying the
-- answers it revises with who last saved each. But any analyst can
-- rewrite an assessment's row to itself (UPDATE assessments SET summary =
-- summary) and then record changes under anyone's name. Now the server
-- records the transaction that created each assessment (created_xact, a
-- 64-bit transaction id, which never comes round again), which nobody
-- sets or changes, and a row naming someone else is let in only when it
-- is, field for field, the row of the approved assessment that a
-- revision created in this very transaction revises. Assessments created
-- before this migration have none: no transaction is theirs.
--
-- 2. The save's cost on the server. Every check that a login is the owner
-- (assay_may_copy, assay_is) is a query of pg_roles through a function
-- the planner cannot inline (it keeps its search_path, which is what
-- keeps it safe), about 0.13 ms a call. The ledger entry's trigger made
-- that check first, on every entry; now each trigger on the save's path
-- makes the check the entry itself passes first, and asks whether the
-- login is the owner only when that fails. The rules are the same rules:
-- a row passes if it passed before, and nothing else does.

ALTER TABLE assessments ADD COLUMN created_xact xid8;

CREATE FUNCTION assay_assessment_created() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.created_xact := pg_current_xact_id();
    RETURN NEW;
END $$;
CREATE TRIGGER assessments_created BEFORE INSERT ON assessments FOR EACH ROW EXECUTE FUNCTION assay_assessment_created();

CREATE OR REPLACE FUNCTION assay_assessment_update() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.created_xact IS DISTINCT FROM OLD.created_xact THEN
        RAISE EXCEPTION 'the transaction that created an assessment never changes' USING ERRCODE = '42501';
    END IF;
    IF OLD.status = 'approved' AND (
        NEW.status IS DISTINCT FROM OLD.status OR NEW.uuid IS DISTINCT FROM OLD.uuid OR NEW.subject IS DISTINCT FROM OLD.subject OR
        NEW.subject_kind IS DISTINCT FROM OLD.subject_kind OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR
        NEW.reviewer IS DISTINCT FROM OLD.reviewer OR NEW.snapshot_digest IS DISTINCT FROM OLD.snapshot_digest OR
        NEW.assessed_on IS DISTINCT FROM OLD.assessed_on OR NEW.deadlines IS DISTINCT FROM OLD.deadlines OR
        NEW.revision IS DISTINCT FROM OLD.revision OR NEW.revision_of IS DISTINCT FROM OLD.revision_of) THEN
        RAISE EXCEPTION 'assessment is approved and locked' USING ERRCODE = 'P0001';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected') THEN
        IF NOT assay_is('approver') AND NOT assay_may_copy() THEN
            RAISE EXCEPTION 'only an approver may approve or reject an assessment: login % is not one', session_user
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION assay_updated_by() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.updated_by = session_user THEN
        RETURN NEW;
    END IF;
    -- A revision's copy: the row of the approved assessment it revises, as it is.
    IF TG_TABLE_NAME = 'answers' THEN
        IF EXISTS (SELECT 1 FROM assessments a JOIN assessments r ON r.id = a.revision_of AND r.status = 'approved'
                JOIN answers s ON s.assessment_id = r.id
                WHERE a.id = NEW.assessment_id AND a.created_xact = pg_current_xact_id() AND s.question_id = NEW.question_id
                AND (s.value, s.note, s.evidence, s.source, s.reviewed, s.updated_at, s.updated_by) =
                    (NEW.value, NEW.note, NEW.evidence, NEW.source, NEW.reviewed, NEW.updated_at, NEW.updated_by)) THEN
            RETURN NEW;
        END IF;
    ELSIF EXISTS (SELECT 1 FROM assessments a JOIN assessments r ON r.id = a.revision_of AND r.status = 'approved'
            JOIN plan_edits s ON s.assessment_id = r.id
            WHERE a.id = NEW.assessment_id AND a.created_xact = pg_current_xact_id() AND s.finding_key = NEW.finding_key
            AND (s.edit, s.updated_at, s.updated_by) = (NEW.edit, NEW.updated_at, NEW.updated_by)) THEN
        RETURN NEW;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a change must name the login that makes it: login % wrote one naming %', session_user, NEW.updated_by
        USING ERRCODE = '42501';
END $$;

CREATE OR REPLACE FUNCTION assay_record_actor() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.actor = session_user THEN
        RETURN NEW;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'an audit record must name the login that writes it: login % wrote one naming %', session_user, NEW.actor
        USING ERRCODE = '42501';
END $$;

CREATE OR REPLACE FUNCTION assay_ledger_entry() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- A save's entry: signed by a key its login registered.
    IF NEW.kind = 'write' AND EXISTS (SELECT 1 FROM ledger l WHERE l.key_id = NEW.key_id AND l.kind IN ('genesis', 'key')
            AND (l.note::jsonb ->> 'name') = session_user) THEN
        RETURN NEW;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    IF NEW.kind IN ('genesis', 'key') THEN
        IF (NEW.note::jsonb ->> 'name') IS DISTINCT FROM session_user THEN
            RAISE EXCEPTION 'login % may not register a key under the name %', session_user, NEW.note::jsonb ->> 'name'
                USING ERRCODE = '42501';
        END IF;
    ELSIF NEW.kind = 'write' THEN
        RAISE EXCEPTION 'login % signed with key %, which it has not registered', session_user, NEW.key_id
            USING ERRCODE = '42501';
    ELSE
        RAISE EXCEPTION 'only the owner may sign a % entry', NEW.kind USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

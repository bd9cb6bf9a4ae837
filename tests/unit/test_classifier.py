"""The decision core: §6 worked examples, dev-case thresholds, negation, innocent violence."""

import gc
import json
import random
import re
from pathlib import Path

import pytest

from aiguillage.cli.decisions import decide
from aiguillage.cli.evaluation import evaluate, load_cases
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.report import Report, ReportBody
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope
from aiguillage.triage.classifier import YOUNG_COLLECTION_THRESHOLD, classify, warm_up
from aiguillage.triage.classifier.categories import NOT_SILENT
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.starts import pattern_source
from aiguillage.triage.classifier.vocab import (
    TermReading,
    VocabularyError,
    _compile_group,
    compile_term,
    load_vocabulary,
)

DEV_CASES = Path(__file__).parents[3] / "shared/domain/dev_cases.jsonl"
CORPUS = Path(__file__).parents[1] / "corpus/reports.jsonl"
# reports_2.jsonl: cases written and labelled by the policy before the classifier ever ran on them.
CORPORA = (CORPUS, Path(__file__).parents[1] / "corpus/reports_2.jsonl")
# external_*.jsonl: written and labelled by people who never saw the vocabularies (a: young
# people's informal French and English; b: adults 30-80, formal, elderly spelling, legal terms;
# c: parents, workers, elderly scam victims, 35 in English or mixed French and English).
# Thresholds are what the classifier reached on them, rounded down, so that a regression fails.
# They were tuned on afterwards; since the ticked box counts alone for a description that says
# nothing the vocabularies know (categories.ticked_box_alone), their few reports of that kind
# that are not illicit despite the box went to a service: destinations 0.987 → 0.980 (a), 0.967
# (b), 0.927 (c), for +0.07, +0.03 and +0.02 on three sets never tuned on.
EXTERNAL = {
    "external_a.jsonl": (0.99, 1.0, 0.99, 0.98),
    "external_b.jsonl": (0.99, 0.99, 0.99, 0.99),
    "external_c.jsonl": (0.96, 0.94, 0.99, 0.98),
}
EXTERNAL_PATHS = tuple(Path(__file__).parents[1] / "corpus" / name for name in EXTERNAL)
# domain_*.jsonl: written from the offences themselves (threats and imminent danger; trafficking,
# scams and spam; insults, hate and harassment; endangerment, child abuse, incitement and minors),
# each before its vocabularies were broadened. Thresholds: what the classifier reached, rounded
# down (destinations, priority, scope, category micro-F1).
DOMAIN = {
    "domain_threats.jsonl": (0.93, 0.91, 0.97, 0.91),
    "domain_commerce.jsonl": (0.91, 0.97, 0.93, 0.97),
    "domain_speech.jsonl": (0.91, 0.89, 0.97, 0.95),
    "domain_protect.jsonl": (0.93, 0.89, 0.97, 0.95),
    # Works and news about offences, banter, doubt written as "jsp", and their genuine counterparts.
    "domain_contexts.jsonl": (0.86, 0.86, 0.99, 0.78),
}
DOMAIN_PATHS = tuple(Path(__file__).parents[1] / "corpus" / name for name in DOMAIN)
# pairs/: sets written two by two by other people from the policy alone; one of each pair read,
# the other never (pairs/README.md); of those never read, half in trained/ (the second reading's
# weights learn from them), half in unread/ (they measure it). Thresholds: destinations accuracy
# reached, rounded down (of read/ and trained/: what the weights hold of what they learned).
PAIRS = {
    "read/t.jsonl": 1.0,
    "read/v.jsonl": 1.0,
    "read/x.jsonl": 1.0,
    "read/ta.jsonl": 1.0,
    "read/hc.jsonl": 1.0,
    "read/sa.jsonl": 0.98,
    "read/ma.jsonl": 1.0,
    "read/va.jsonl": 1.0,
    "read/ea.jsonl": 1.0,
    "read/ga.jsonl": 1.0,
    "read/da.jsonl": 1.0,
    "read/pa.jsonl": 1.0,
    "read/ra.jsonl": 1.0,
    "read/ka.jsonl": 1.0,
    "read/na.jsonl": 1.0,
    "read/oa.jsonl": 0.98,
    "read/ia.jsonl": 1.0,
    "read/jb.jsonl": 1.0,
    "read/la.jsonl": 1.0,
    "read/cb.jsonl": 1.0,
    "read/fa.jsonl": 1.0,
    "read/qa.jsonl": 1.0,
    "read/za.jsonl": 1.0,
    "read/wa.jsonl": 1.0,
    "read/ba.jsonl": 0.96,
    "read/xa.jsonl": 1.0,
    "read/ya.jsonl": 1.0,
    "read/ha.jsonl": 1.0,
    "read/ua.jsonl": 1.0,
    "read/ec.jsonl": 1.0,
    "read/ic.jsonl": 1.0,
    "read/oc.jsonl": 1.0,
    "read/ge.jsonl": 1.0,
    "read/ke.jsonl": 1.0,
    "read/me.jsonl": 1.0,
    "read/re.jsonl": 1.0,
    "read/ae.jsonl": 1.0,
    "read/ag.jsonl": 1.0,
    "read/am.jsonl": 1.0,
    "read/ap.jsonl": 1.0,
    "read/as.jsonl": 1.0,
    "read/av.jsonl": 1.0,
    "read/bc.jsonl": 1.0,
    "read/be.jsonl": 1.0,
    "read/bg.jsonl": 1.0,
    "read/bi.jsonl": 1.0,
    "read/bk.jsonl": 1.0,
    "read/bm.jsonl": 1.0,
    "read/bo.jsonl": 1.0,
    "read/bq.jsonl": 1.0,
    "read/bs.jsonl": 1.0,
    "read/bu.jsonl": 1.0,
    "read/bw.jsonl": 1.0,
    "read/by.jsonl": 1.0,
    "read/ce.jsonl": 1.0,
    "read/cg.jsonl": 1.0,
    "read/ci.jsonl": 1.0,
    "read/ck.jsonl": 1.0,
    "read/cm.jsonl": 0.98,
    "read/co.jsonl": 1.0,
    "read/cq.jsonl": 1.0,
    "read/cs.jsonl": 1.0,
    "read/cu.jsonl": 0.98,
    "read/cw.jsonl": 1.0,
    "read/cy.jsonl": 1.0,
    "read/dc.jsonl": 1.0,
    "read/de.jsonl": 0.98,
    "read/dg.jsonl": 0.97,
    "read/di.jsonl": 1.0,
    "read/dk.jsonl": 1.0,
    "read/dm.jsonl": 1.0,
    "read/do.jsonl": 0.98,
    "read/dq.jsonl": 1.0,
    "read/ds.jsonl": 0.98,
    "read/du.jsonl": 1.0,
    "read/dw.jsonl": 1.0,
    "read/kc.jsonl": 1.0,
    "read/lc.jsonl": 1.0,
    "read/mc.jsonl": 1.0,
    "read/nc.jsonl": 0.98,
    "read/oe.jsonl": 1.0,
    "read/pc.jsonl": 1.0,
    "read/qd.jsonl": 1.0,
    "read/rd.jsonl": 1.0,
    "read/tc.jsonl": 1.0,
    "read/td.jsonl": 1.0,
    "read/ee.jsonl": 1.0,
    "read/eg.jsonl": 1.0,
    "read/ej.jsonl": 1.0,
    "read/ei.jsonl": 1.0,
    "read/em.jsonl": 1.0,
    "read/eo.jsonl": 1.0,
    "read/eq.jsonl": 1.0,
    "read/es.jsonl": 1.0,
    "read/ew.jsonl": 1.0,
    "read/ex.jsonl": 1.0,
    "read/fe.jsonl": 1.0,
    "read/ez.jsonl": 0.98,
    "read/fg.jsonl": 0.98,
    "read/fi.jsonl": 1.0,
    "read/fk.jsonl": 1.0,
    "read/fl.jsonl": 1.0,
    "read/fq.jsonl": 1.0,
    "read/fo.jsonl": 1.0,
    "read/fv.jsonl": 1.0,
    "read/fs.jsonl": 1.0,
    "read/fy.jsonl": 1.0,
    "read/fz.jsonl": 1.0,
    "read/gg.jsonl": 0.98,
    "read/gh.jsonl": 0.95,
    "read/gk.jsonl": 1.0,
    "read/gn.jsonl": 0.97,
    "read/go.jsonl": 0.98,
    "read/gq.jsonl": 1.0,
    "read/gs.jsonl": 1.0,
    "read/gu.jsonl": 1.0,
    "read/gw.jsonl": 1.0,
    "read/gy.jsonl": 1.0,
    "read/he.jsonl": 1.0,
    "read/hg.jsonl": 1.0,
    "read/hm.jsonl": 1.0,
    "read/ho.jsonl": 1.0,
    "read/hq.jsonl": 0.98,
    "read/hs.jsonl": 1.0,
    "read/hu.jsonl": 1.0,
    "read/hw.jsonl": 1.0,
    "read/hy.jsonl": 1.0,
    "read/ig.jsonl": 1.0,
    "read/ii.jsonl": 1.0,
    "read/ik.jsonl": 0.98,
    "read/im.jsonl": 1.0,
    "read/io.jsonl": 1.0,
    "read/iq.jsonl": 1.0,
    "read/is.jsonl": 1.0,
    "read/iu.jsonl": 1.0,
    "read/iw.jsonl": 0.98,
    "read/iy.jsonl": 0.98,
    "read/jc.jsonl": 1.0,
    "read/je.jsonl": 1.0,
    "read/jg.jsonl": 1.0,
    "read/ji.jsonl": 1.0,
    "read/jk.jsonl": 0.98,
    "read/jm.jsonl": 1.0,
    "read/jo.jsonl": 1.0,
    "read/jq.jsonl": 0.98,
    "read/js.jsonl": 0.98,
    "read/ju.jsonl": 1.0,
    "read/jw.jsonl": 1.0,
    "read/jy.jsonl": 1.0,
    "read/kg.jsonl": 1.0,
    "read/ki.jsonl": 1.0,
    "read/kk.jsonl": 1.0,
    "read/km.jsonl": 1.0,
    "read/ko.jsonl": 1.0,
    "read/kq.jsonl": 1.0,
    "read/ks.jsonl": 1.0,
    "read/ku.jsonl": 0.98,
    "read/kw.jsonl": 1.0,
    "read/ky.jsonl": 1.0,
    "read/le.jsonl": 1.0,
    "read/lg.jsonl": 1.0,
    "read/li.jsonl": 1.0,
    "unread/u.jsonl": 1.0,
    "trained/w.jsonl": 1.0,
    "unread/y.jsonl": 0.95,
    "trained/tb.jsonl": 1.0,
    "unread/hd.jsonl": 0.97,
    "unread/sb.jsonl": 0.95,
    "trained/mb.jsonl": 0.98,
    "unread/vb.jsonl": 0.93,
    "unread/eb.jsonl": 0.91,
    "trained/gb.jsonl": 0.98,
    "unread/db.jsonl": 0.91,
    "trained/pb.jsonl": 1.0,
    "trained/rb.jsonl": 1.0,
    "trained/kb.jsonl": 1.0,
    "unread/nb.jsonl": 0.98,
    "unread/ob.jsonl": 0.95,
    "unread/ib.jsonl": 0.92,
    "unread/ja.jsonl": 0.96,
    "unread/lb.jsonl": 0.95,
    "unread/ca.jsonl": 0.97,
    "trained/fb.jsonl": 0.98,
    "trained/qb.jsonl": 0.98,
    "unread/zb.jsonl": 0.92,
    "unread/wb.jsonl": 0.98,
    "trained/bb.jsonl": 0.97,
    "trained/xb.jsonl": 0.97,
    "trained/yb.jsonl": 1.0,
    "trained/hb.jsonl": 1.0,
    "trained/ub.jsonl": 1.0,
    "trained/ed.jsonl": 1.0,
    "trained/id.jsonl": 1.0,
    "trained/od.jsonl": 1.0,
    "unread/gf.jsonl": 0.96,
    "trained/kf.jsonl": 1.0,
    "trained/mf.jsonl": 0.98,
    "trained/rf.jsonl": 1.0,
    "trained/af.jsonl": 1.0,
    "unread/ah.jsonl": 0.9,
    "trained/an.jsonl": 1.0,
    "unread/aq.jsonl": 0.93,
    "trained/at.jsonl": 0.98,
    "unread/aw.jsonl": 0.93,
    "unread/bd.jsonl": 0.95,
    "trained/bf.jsonl": 1.0,
    "unread/bh.jsonl": 0.91,
    "trained/bj.jsonl": 1.0,
    "unread/bl.jsonl": 0.96,
    "trained/bn.jsonl": 1.0,
    "unread/bp.jsonl": 0.96,
    "trained/br.jsonl": 1.0,
    "unread/bt.jsonl": 0.9,
    "trained/bv.jsonl": 0.98,
    "unread/bx.jsonl": 0.97,
    "trained/bz.jsonl": 1.0,
    "trained/cf.jsonl": 0.97,
    "unread/ch.jsonl": 0.92,
    "trained/cj.jsonl": 1.0,
    "unread/cl.jsonl": 0.95,
    "trained/cn.jsonl": 0.98,
    "unread/cp.jsonl": 0.96,
    "trained/cr.jsonl": 0.98,
    "unread/ct.jsonl": 0.96,
    "trained/cv.jsonl": 0.93,
    "unread/cx.jsonl": 0.9,
    "trained/cz.jsonl": 1.0,
    "trained/dd.jsonl": 1.0,
    "unread/df.jsonl": 0.96,
    "trained/dh.jsonl": 0.93,
    "unread/dj.jsonl": 0.96,
    "trained/dl.jsonl": 1.0,
    "unread/dn.jsonl": 0.92,
    "trained/dp.jsonl": 1.0,
    "unread/dr.jsonl": 0.93,
    "trained/dt.jsonl": 0.98,
    "unread/dv.jsonl": 0.96,
    "trained/dx.jsonl": 1.0,
    "unread/dy.jsonl": 0.96,
    "trained/dz.jsonl": 1.0,
    "unread/fc.jsonl": 0.95,
    "trained/fd.jsonl": 0.98,
    "unread/gc.jsonl": 0.96,
    "trained/gd.jsonl": 1.0,
    "unread/ie.jsonl": 0.96,
    "trained/if.jsonl": 1.0,
    "unread/kd.jsonl": 0.97,
    "trained/ld.jsonl": 1.0,
    "unread/md.jsonl": 0.92,
    "trained/nd.jsonl": 1.0,
    "unread/of.jsonl": 0.96,
    "unread/pd.jsonl": 0.97,
    "unread/qc.jsonl": 0.93,
    "unread/rc.jsonl": 0.97,
    "trained/sc.jsonl": 1.0,
    "unread/sd.jsonl": 0.93,
    "unread/ef.jsonl": 0.97,
    "trained/eh.jsonl": 1.0,
    "unread/ek.jsonl": 0.96,
    "trained/el.jsonl": 0.93,
    "unread/en.jsonl": 0.95,
    "trained/ep.jsonl": 1.0,
    "unread/er.jsonl": 0.96,
    "trained/et.jsonl": 1.0,
    "unread/eu.jsonl": 0.97,
    "trained/ev.jsonl": 1.0,
    "unread/ey.jsonl": 0.98,
    "unread/ff.jsonl": 0.95,
    "trained/fh.jsonl": 1.0,
    "unread/fj.jsonl": 0.95,
    "trained/fm.jsonl": 0.98,
    "unread/fn.jsonl": 0.97,
    "trained/fp.jsonl": 1.0,
    "unread/fr.jsonl": 0.97,
    "trained/ft.jsonl": 1.0,
    "unread/fu.jsonl": 0.92,
    "trained/fw.jsonl": 1.0,
    "unread/fx.jsonl": 0.95,
    "trained/gi.jsonl": 1.0,
    "unread/gj.jsonl": 0.98,
    "trained/gl.jsonl": 1.0,
    "unread/gm.jsonl": 0.97,
    "trained/gp.jsonl": 0.98,
    "unread/gr.jsonl": 0.95,
    "trained/gt.jsonl": 1.0,
    "unread/gv.jsonl": 0.92,
    "trained/gx.jsonl": 1.0,
    "unread/gz.jsonl": 0.9,
    "trained/hf.jsonl": 1.0,
    "unread/hh.jsonl": 0.97,
    "trained/hi.jsonl": 1.0,
    "unread/hj.jsonl": 0.95,
    "trained/hk.jsonl": 1.0,
    "unread/hl.jsonl": 0.96,
    "trained/hn.jsonl": 1.0,
    "unread/hp.jsonl": 0.93,
    "trained/hr.jsonl": 1.0,
    "unread/ht.jsonl": 1.0,
    "trained/hv.jsonl": 1.0,
    "unread/hx.jsonl": 0.98,
    "trained/hz.jsonl": 0.98,
    "unread/ih.jsonl": 0.98,
    "trained/ij.jsonl": 1.0,
    "unread/il.jsonl": 0.96,
    "trained/in.jsonl": 1.0,
    "unread/ip.jsonl": 0.97,
    "trained/ir.jsonl": 1.0,
    "unread/it.jsonl": 0.97,
    "trained/iv.jsonl": 1.0,
    "unread/ix.jsonl": 0.96,
    "trained/iz.jsonl": 1.0,
    "trained/jd.jsonl": 0.98,
    "unread/jf.jsonl": 0.97,
    "trained/jh.jsonl": 0.98,
    "unread/jj.jsonl": 1.0,
    "trained/jl.jsonl": 1.0,
    "unread/jn.jsonl": 0.92,
    "trained/jp.jsonl": 1.0,
    "unread/jr.jsonl": 0.98,
    "trained/jt.jsonl": 1.0,
    "unread/jv.jsonl": 1.0,
    "trained/jx.jsonl": 1.0,
    "unread/jz.jsonl": 0.97,
    "unread/kh.jsonl": 0.98,
    "trained/kj.jsonl": 1.0,
    "unread/kl.jsonl": 0.97,
    "trained/kn.jsonl": 1.0,
    "unread/kp.jsonl": 1.0,
    "trained/kr.jsonl": 1.0,
    "unread/kt.jsonl": 0.95,
    "trained/kv.jsonl": 1.0,
    "unread/kx.jsonl": 0.96,
    "trained/kz.jsonl": 1.0,
    "unread/lf.jsonl": 1.0,
    "trained/lh.jsonl": 1.0,
    "unread/lj.jsonl": 0.92,
    "read/lk.jsonl": 0.98,
    "read/lm.jsonl": 1.0,
    "trained/ll.jsonl": 1.0,
    "unread/ln.jsonl": 0.96,
}
PAIRS_DIR = Path(__file__).parents[1] / "corpus/pairs"
PAIR_PATHS = tuple(PAIRS_DIR / name for name in PAIRS)


def report(description: str, **fields: object) -> Report:
    return Report.model_validate({"description": description, **fields})


def categories_of(text: str, where: str, hint: str | None = None) -> set[Category]:
    """The categories of a description seen at `where` with `hint` ticked."""
    return set(classify(report(text, where_seen=where, category_hint=hint)).categories)


def assert_decided(
    text: str,
    where: str,
    hint: str | None,
    categories: set[Category],
    imminent: bool | None = None,
) -> None:
    """The categories (and, when given, the imminent danger) decided for a report of `text`."""
    decision = classify(report(text, where_seen=where, category_hint=hint))
    assert set(decision.categories) == categories
    if imminent is not None:
        assert decision.imminent_danger is imminent


def run(rep: Report):  # type: ignore[no-untyped-def]
    return decide(rep, CommuneIndex.load())


def test_example_1_public_insults_and_private_messages_to_a_14_year_old() -> None:
    got = run(
        report(
            "Un compte Instagram publie des photos de ma fille (14 ans) avec des insultes, "
            "toute sa classe commente. "
            "Et ils lui envoient des messages privés la nuit.",
            where_seen="public_post",
            victim={"is_minor": True, "commune_insee": "33063"},
        )
    )
    assert set(got.categories) == {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION}
    assert got.scope is Scope.MIXED
    assert got.victim_minor is True
    assert got.school_context is True
    assert got.destinations == [Destination.ANALYSTS, Destination.POLICE, Destination.OFMIN]
    assert got.priority is Priority.P1


def test_example_2_fifty_sms_a_day_and_a_death_threat() -> None:
    got = run(
        report(
            "Mon ex m'envoie 50 SMS par jour, il dit qu'il va me retrouver et me tuer.",
            where_seen="sms",
            victim={"commune_insee": "24037"},
        )
    )
    assert set(got.categories) == {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT}
    assert got.scope is Scope.PRIVATE
    assert got.destinations == [Destination.POLICE]
    assert got.priority is Priority.P1
    assert got.imminent_danger is False


def test_example_3_call_to_exterminate_a_religious_group() -> None:
    got = run(
        report(
            "Tweet qui dit que tous les [groupe religieux] doivent être exterminés",
            where_seen="public_post",
            urls=["https://x.com/someone/status/1"],
        )
    )
    assert set(got.categories) == {Category.HATE, Category.THREATS_VIOLENCE}
    assert got.scope is Scope.PUBLIC
    assert got.destinations == [Destination.ANALYSTS]
    assert got.priority is Priority.P1


def test_example_4_bank_phishing_sms() -> None:
    got = run(
        report(
            "J'ai reçu un SMS de la banque me demandant mes codes, lien bizarre.", where_seen="sms"
        )
    )
    assert got.categories == [Category.SCAM]
    assert got.scope is Scope.PRIVATE
    assert got.destinations == [Destination.THESEE]
    assert got.priority is Priority.P3


def test_example_5_teenager_announces_suicide_tonight() -> None:
    got = run(
        report(
            "Un ado annonce sur TikTok qu'il va se suicider ce soir.",
            urls=["https://www.tiktok.com/@x/video/1"],
            where_seen="video",
        )
    )
    assert got.categories == [Category.ENDANGERMENT]
    assert got.scope is Scope.PUBLIC
    assert got.imminent_danger is True
    assert got.destinations == [Destination.EMERGENCY, Destination.ANALYSTS]
    assert got.priority is Priority.P0


def test_example_6_fake_airpods() -> None:
    got = run(
        report("Quelqu'un vend des faux AirPods sur un site, c'est nul.", where_seen="website")
    )
    assert got.categories == [Category.ILLICIT_TRAFFICKING]
    assert got.scope is Scope.PUBLIC
    assert got.destinations == [Destination.ANALYSTS]
    assert got.priority is Priority.P2


def test_example_7_disliking_a_video_is_not_illicit() -> None:
    got = run(report("Je n'aime pas cette vidéo, elle est stupide."))
    assert got.categories == []
    assert got.destinations == [Destination.CLOSED]
    assert got.priority is Priority.P3


@pytest.mark.parametrize(
    "text",
    [
        "Il ne m'a pas menacé, il m'a juste dit que mon dessin était raté.",
        "Mon voisin ne m'a jamais menacée ni insultée, il fait juste du bruit.",
        "Aucune menace, aucune insulte, il ne veut juste plus me parler.",
    ],
)
def test_negated_threats_and_insults_are_not_findings(text: str) -> None:
    decision = classify(report(text, where_seen="private_message"))
    assert Category.THREATS_VIOLENCE not in decision.categories
    assert Category.INSULT_DEFAMATION not in decision.categories


@pytest.mark.parametrize(
    "text",
    [
        "Cette vidéo m'a tué de rire, mdr.",
        "Dimanche on va les massacrer, on va les tuer 4-0 au match, c'est du chambrage.",
        "Le streamer dit « on pose la bombe et on fait sauter tout le monde » sur Counter Strike.",
    ],
)
def test_violent_words_used_innocently(text: str) -> None:
    decision = classify(report(text, where_seen="video"))
    assert decision.categories == ()
    assert decision.imminent_danger is False


def test_sms_spelling_threat_is_found() -> None:
    decision = classify(report("jvais te defoncer ta gueule sale batard", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in decision.categories


def test_description_age_wins_over_a_mis_ticked_box() -> None:
    decision = classify(
        report(
            "Ma fille de 13 ans reçoit des insultes tous les jours sur Snap.",
            where_seen="private_message",
            victim={"is_minor": False},
        )
    )
    assert decision.victim_minor is True


def test_no_identifiable_victim_gives_null_minor() -> None:
    decision = classify(
        report("Compte qui vend de la coke, menu et prix en story.", where_seen="public_post")
    )
    assert decision.victim_minor is None


def test_hint_does_not_override_what_the_description_says() -> None:
    decision = classify(
        report("Je trouve cette chanson nulle.", category_hint="hate", where_seen="video")
    )
    assert decision.categories == ()


def test_ticked_box_counts_alone_when_the_description_names_nothing() -> None:
    decision = classify(
        report("Regardez ce compte svp, allez voir vous comprendrez.", category_hint="scam")
    )
    assert decision.categories == (Category.SCAM,)
    assert any(
        r.subject == "category:scam" and r.signals == ("field:category_hint=scam",)
        for r in decision.reasons
    )


def test_ticked_box_alone_never_makes_cyberharassment_nor_beats_an_innocent_use() -> None:
    vague = report("Regardez ce compte svp.", category_hint="cyberharassment")
    assert classify(vague).categories == ()
    joke = report("Cette vidéo m'a tué de rire", category_hint="threats_violence")
    assert classify(joke).categories == ()


def test_ticked_box_is_not_alone_beside_a_work_a_game_or_a_review() -> None:
    for text, box in [
        ("Une bande-annonce de film d'horreur pleine de sang, mes enfants l'ont vue.", "hate"),
        ("Mon fils joue à un jeu vidéo où on braque des banques.", "incitement_offences"),
        ("Un client a laissé un avis Google disant que c'est trop cher.", "insult_defamation"),
        ("Mon opérateur me facture des frais de résiliation abusifs.", "scam"),
        ("Il ne m'a pas menacée, ne m'a pas insultée, mais il m'a bloquée partout.", "hate"),
        ("Sur un forum de chasse, un membre montre sa carabine.", "illicit_trafficking"),
        ("L'admin m'a viré de mon groupe de randonnée sans raison.", "hate"),
        # The documentary is innocent for hate and still the context that excuses the symbols.
        ("Un documentaire sur la Shoah montre des croix gammées.", "hate"),
    ]:
        assert classify(report(text, category_hint=box)).categories == (), text


@pytest.mark.parametrize(
    ("text", "categories", "imminent"),
    [
        # A fake summons accusing of child abuse images and demanding a fine: the scam, not CSA.
        (
            (
                "Mail avec le logo de la gendarmerie : je suis convoqué pour pédopornographie "
                "et je dois payer une amende de 400 euros sous 48h."
            ),
            {Category.SCAM},
            False,
        ),
        ("Ma banque m'a prélevé des frais abusifs, c'est une arnaque.", set(), False),
        ("Amazon refuse de me rembourser mon colis, c'est une escroquerie.", set(), False),
        # Apologie calls the killer a martyr and speaks of insulting the prophet: no one insulted.
        (
            (
                "Une vidéo présente l'assassin de Samuel Paty comme un martyr : les profs qui "
                "insultent le prophète savent ce qui les attend."
            ),
            {Category.TERRORISM},
            False,
        ),
        ("Un article du Parisien explique l'arnaque au faux conseiller bancaire.", set(), False),
        (
            (
                "Un coach santé dit à ses abonnés d'arrêter leur chimio et de guérir le cancer "
                "avec des jus."
            ),
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Une chaîne propose des stages de conversion pour guérir les homosexuels.",
            {Category.HATE},
            False,
        ),
        (
            (
                "Ma sœur m'a écrit : quand tu liras ce message je serai partie. Elle ne répond "
                "plus au téléphone."
            ),
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Il est en bas de chez moi en ce moment et m'écrit qu'il monte me tuer.",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Elle poste en story ses poignets tout tailladés avec écrit bientôt la fin.",
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Mail anonyme à notre usine : une bombe explosera dans l'atelier demain à 8h.",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # A job offer by SMS is no terrorist recruitment (it is the task scam's bait).
        (
            "SMS : nous recrutons pour du travail à domicile, 200 euros par jour.",
            {Category.SCAM},
            False,
        ),
        (
            "Un compte vend des vapes au PTC et livre devant le lycée.",
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        ("Mon pote dit qu'il va se tuer à la salle ce soir, il crève la dalle.", set(), False),
        (
            "Il a écrit sur Snap : vendredi je fais un carnage au collège.",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un ami m'a écrit : demain matin je me fais sauter à la gare du Nord.",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Elle est en live en ce moment, elle montre une corde accrochée à la poutre.",
            {Category.ENDANGERMENT},
            True,
        ),
    ],
)
def test_further_families(text: str, categories: set[Category], imminent: bool) -> None:
    decision = classify(report(text))
    assert set(decision.categories) == categories
    assert decision.imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "where_seen"),
    [
        (
            "Un compte insta poste des photos de moi et le soir ils m'envoient des msg sur snap.",
            "public_post",
        ),
        ("Des dizaines de comptes me mentionnent avec ma photo. J'ai aussi reçu un DM.", "video"),
        # A scam's public bait and its private follow-up.
        (
            "Un pop-up sur mon ordinateur disait virus détecté, puis un faux technicien au tel.",
            "unknown",
        ),
        (
            "A sponsored post sold a trading bot; then a 'coach' kept calling me every day.",
            "unknown",
        ),
    ],
)
def test_public_posts_and_messages_on_an_app_are_mixed(text: str, where_seen: str) -> None:
    assert classify(report(text, where_seen=where_seen)).scope is Scope.MIXED


def test_a_hedged_denial_leaves_the_ticked_box() -> None:
    hedged = report(
        "Il m'a pas menacé directement mais il poste ma rue avec un emoji pistolet.",
        category_hint="threats_violence",
    )
    assert classify(hedged).categories == (Category.THREATS_VIOLENCE,)


@pytest.mark.parametrize(
    "text",
    [
        # Insulting words sent again and again, each below an insult's threshold.
        "Depuis deux mois mon cousin m'envoie des SMS tous les jours : « voleuse », « minable ».",
        # An audience sent at someone.
        "Un youtubeur a demandé à sa communauté de me pourrir : 200 faux avis sur mon salon.",
        # A fake escort ad with someone's photos and number.
        "Quelqu'un a publié une fausse annonce d'escort avec mes photos et mon numéro.",
        "For three weeks a guy has been posting about me on Facebook, calling me a liar.",
        # Rumours and a nickname, again and again.
        "Depuis la rentrée, des filles de sa classe font courir des rumeurs sur ma fille.",
        # Night calls that say nothing, for weeks.
        "Depuis un mois quelqu'un m'appelle toutes les nuits vers 3h, il respire et raccroche.",
        "Un inconnu m'envoie des vocaux chaque nuit depuis lundi, juste un rire et « je te vois ».",
        # A number or an address put up for strangers to use.
        "Ils ont mis l'adresse de mon fils et son numéro sur un forum, il reçoit des appels.",
        "A troll keeps replying to my posts with my home address since Monday.",
        "Depuis samedi mon numéro est sur un site de rencontres coquines avec mes photos.",
        # "N'arrêtent pas de": they keep on (not a negation), in the plural and the past.
        "Ils arrêtent pas de me traiter de grosse en commentaire depuis la rentrée.",
        # Pictures taken without the person knowing, undressing.
        "Mon amie a été filmée pendant qu'elle se changeait au vestiaire, la vidéo tourne au club.",
        "Tous les 2-3 jours ce compte poste des photos de moi prises à mon insu au travail.",
    ],
)
def test_harassment_in_other_words(text: str) -> None:
    assert Category.CYBERHARASSMENT in classify(report(text)).categories


@pytest.mark.parametrize(
    ("text", "categories", "imminent"),
    [
        # Calls to kill or burn a group are threats as well as hate.
        (
            "Sur ce forum : « les migrants devraient être gazés, tous ».",
            {Category.HATE, Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Vidéo qui appelle les habitants à incendier le foyer de réfugiés de la commune.",
            {Category.HATE, Category.THREATS_VIOLENCE},
            False,
        ),
        # The pills taken now, tonight.
        (
            "Ma coloc m'écrit : c'est fini, je prends tous mes somnifères cette nuit.",
            {Category.ENDANGERMENT},
            True,
        ),
        # A habit, a duration, the time a message came, a trend: no time for the danger.
        (
            "Mon voisin a écrit qu'il va tuer le chien d'à côté s'il aboie encore le samedi à 7h.",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Il m'a laissé un message vocal ce matin : si tu parles je viens avec mon fusil.",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # A team promised a thrashing.
        ("Un entraîneur a dit que dimanche ils vont massacrer l'équipe adverse.", set(), False),
    ],
)
def test_groups_threats_and_times(text: str, categories: set[Category], imminent: bool) -> None:
    decision = classify(report(text))
    assert set(decision.categories) == categories
    assert decision.imminent_danger is imminent


def test_a_ticked_insult_box_alone_is_closed_but_still_hostility() -> None:
    alone = report(
        "Mon collègue a partagé ma photo de vacances au bureau.", category_hint="insult_defamation"
    )
    assert run(alone).destinations == [Destination.CLOSED]
    repeated = report(
        "Depuis trois mois il poste des vidéos sur moi toutes les semaines.",
        category_hint="insult_defamation",
    )
    assert set(classify(repeated).categories) == {
        Category.CYBERHARASSMENT,
        Category.INSULT_DEFAMATION,
    }


def test_groups_the_code_names_exist_in_the_vocabularies() -> None:
    groups = load_vocabulary().groups
    assert {*NOT_SILENT, "denial", "denial_hedged"} <= set(groups)


def test_trusted_flagger_raises_but_not_above_p1() -> None:
    flagged = classify(
        report(
            "Site de phishing qui imite impots.gouv et demande la carte bancaire.",
            where_seen="website",
            reporter={"trusted_flagger": True},
        )
    )
    assert flagged.priority is Priority.P2
    terror = classify(
        report(
            "Vidéos de propagande de Daech sur une chaîne publique.",
            where_seen="video",
            reporter={"trusted_flagger": True},
        )
    )
    assert terror.priority is Priority.P1


def test_every_finding_has_reasons() -> None:
    decision = classify(
        report(
            "Un compte publie mon adresse et il me menace de mort tous les jours par DM.",
            where_seen="public_post",
        )
    )
    subjects = {r.subject for r in decision.reasons}
    for category in decision.categories:
        assert f"category:{category}" in subjects
    assert {"scope", "victim_minor", "school_context", "imminent_danger", "priority"} <= subjects


def test_classify_is_deterministic() -> None:
    rep = report(
        "Des dizaines de comptes m'insultent sous mes posts et m'envoient des DM.",
        where_seen="public_comment",
    )
    assert classify(rep) == classify(rep)


def _metrics(path: Path):  # type: ignore[no-untyped-def]
    communes = CommuneIndex.load()
    return evaluate(load_cases(path), lambda case: decide(case.report, communes, case.id))


def test_dev_cases_thresholds() -> None:
    if not DEV_CASES.is_file():
        pytest.skip(f"dev cases not found at {DEV_CASES} (the shared domain folder is not mounted)")
    metrics = _metrics(DEV_CASES)
    assert metrics.destinations_accuracy >= 0.95, metrics.misrouted
    assert metrics.priority_accuracy >= 0.95
    assert metrics.category_micro_f1 >= 0.92


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.name)
def test_own_corpus_thresholds(path: Path) -> None:
    metrics = _metrics(path)
    assert metrics.cases >= 80
    assert metrics.destinations_accuracy >= 0.95, metrics.misrouted
    assert metrics.priority_accuracy >= 0.95
    assert metrics.scope_accuracy >= 0.9
    assert metrics.category_micro_f1 >= 0.92


@pytest.mark.parametrize("path", [*EXTERNAL_PATHS, *DOMAIN_PATHS], ids=lambda p: p.name)
def test_external_and_domain_corpus_thresholds(path: Path) -> None:
    destinations, priority, scope, micro_f1 = {**EXTERNAL, **DOMAIN}[path.name]
    metrics = _metrics(path)
    assert metrics.cases >= (150 if path.name in EXTERNAL else 40)
    assert metrics.destinations_accuracy >= destinations, metrics.misrouted
    assert metrics.priority_accuracy >= priority
    assert metrics.scope_accuracy >= scope
    assert metrics.category_micro_f1 >= micro_f1


def test_every_pair_set_has_its_floor() -> None:
    # read/, trained/ (the weights learn from them) and unread/ (they measure): a set moved or
    # added without its floor would leave the measure unseen.
    assert {f"{path.parent.name}/{path.name}" for path in PAIRS_DIR.glob("*/*.jsonl")} == set(PAIRS)


@pytest.mark.parametrize("path", PAIR_PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pair_set_thresholds(path: Path) -> None:
    metrics = _metrics(path)
    assert metrics.cases >= 70
    assert metrics.destinations_accuracy >= PAIRS[f"{path.parent.name}/{path.name}"]


@pytest.mark.parametrize(
    "path",
    [
        *CORPORA,
        *EXTERNAL_PATHS,
        *DOMAIN_PATHS,
        *PAIR_PATHS,
        Path(__file__).parents[1] / "corpus/reports_3.jsonl",
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_corpus_is_valid_for_the_intake_body(path: Path) -> None:
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        assert raw["id"] not in ids
        ids.add(raw["id"])
        body = dict(raw["report"])
        body["reporter"] = {k: v for k, v in body["reporter"].items() if k != "trusted_flagger"}
        ReportBody.model_validate(body)
        assert set(raw["expected"]) == {
            "categories",
            "scope",
            "imminent_danger",
            "victim_minor",
            "destinations",
            "priority",
        }


# --- Generalisation: families of wording, not single sentences ---------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("j'ai 13 ans, un gars veut 150 euros sinon il envoie ma photo a toute ma classe", "sms"),
        (
            "My son (15) is being blackmailed on Snapchat with a video of him, they want money",
            "private_message",
        ),
    ],
)
def test_sextortion_of_a_minor_is_child_sexual_abuse_never_scam(text: str, where: str) -> None:
    got = run(report(text, where_seen=where))
    assert Category.CHILD_SEXUAL_ABUSE in got.categories
    assert Category.SCAM not in got.categories
    assert Destination.OFMIN in got.destinations
    assert Destination.THESEE not in got.destinations


def test_sextortion_of_an_adult_is_a_scam_for_thesee() -> None:
    # "si je ne paie pas": a condition, so the amount is a demand, not a negated cue.
    got = run(
        report(
            "Une femme rencontrée sur un site m'a filmé en visio, elle menace de diffuser la vidéo "
            "si je ne paie pas 400 euros.",
            where_seen="private_message",
            victim={"is_minor": False},
        )
    )
    assert got.categories == [Category.SCAM]
    assert got.destinations == [Destination.THESEE]


@pytest.mark.parametrize(
    "text",
    [
        "J'ai payé 60€ pour un sweat sur une boutique en ligne, jamais reçu et ils répondent plus.",
        "paid 45 euros on this website for a jacket, never got it and they blocked me",
    ],
)
def test_fake_shop_paid_then_vanished_is_a_public_scam(text: str) -> None:
    got = run(report(text, where_seen="website"))
    assert got.categories == [Category.SCAM]
    assert got.destinations == [Destination.ANALYSTS]


@pytest.mark.parametrize(
    "text",
    [
        "Mon cousin a écrit sur son compte public qu'il se tue cette nuit, il répond plus.",
        "She posted on her public story that tonight she will kill herself.",
        "Un ado dit en live qu'il va avaler toute la boite de cachets de sa mère ce soir.",
        # Without the word: the means ready, a roof or a ledge, a jump or a cut announced.
        "Elle a posté que ses médocs sont prêts et qu'elle les prendra cette nuit.",
        "He posted that he will swallow all of his pills tonight, we can't reach him.",
        "Mon ami est sur le toit de son lycée en ce moment, on ne sait pas quoi faire.",
        "Sa story dit qu'elle va sauter, elle filme depuis le pont en ce moment.",
        "My sister wrote that she is going to cut deeper tonight.",
    ],
)
def test_suicide_announcements_with_a_time_are_imminent(text: str) -> None:
    got = run(report(text, where_seen="public_post"))
    assert Category.ENDANGERMENT in got.categories
    assert Category.THREATS_VIOLENCE not in got.categories
    assert got.imminent_danger is True
    assert Destination.EMERGENCY in got.destinations
    assert got.priority is Priority.P0


def test_he_will_kill_me_is_a_threat_not_a_suicide() -> None:
    got = run(report("mon ex m'a écrit qu'il va me tuer", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in got.categories
    assert Category.ENDANGERMENT not in got.categories


def test_dangerous_challenge_in_other_words() -> None:
    got = run(
        report(
            "Un défi tourne sur TikTok : retenir sa respiration jusqu'à tomber dans les pommes.",
            where_seen="video",
        )
    )
    assert got.categories == [Category.ENDANGERMENT]
    assert Destination.ANALYSTS in got.destinations


def test_call_to_hurt_a_protected_group_is_hate_and_threats() -> None:
    got = run(
        report(
            "Sur ce canal public ils appellent à aller tabasser des Roms ce week-end.",
            where_seen="public_group",
        )
    )
    assert {Category.HATE, Category.THREATS_VIOLENCE} <= set(got.categories)


def test_an_address_of_a_meeting_place_is_not_doxxing() -> None:
    place = classify(
        report("Le groupe donne l'adresse du rassemblement de samedi.", where_seen="public_group")
    )
    assert Category.CYBERHARASSMENT not in place.categories
    person = classify(
        report("Il a publié mon adresse et mon numéro sur son compte.", where_seen="public_post")
    )
    assert Category.CYBERHARASSMENT in person.categories


def test_an_invitation_to_order_in_dm_keeps_a_public_ad_public() -> None:
    ad = classify(
        report(
            "Compte insta qui vend de la beuh, commande en DM, livraison rapide.",
            where_seen="public_post",
        )
    )
    assert ad.scope is Scope.PUBLIC
    exchange = classify(
        report(
            "Compte insta qui vend de la beuh, il m'a écrit en DM ses prix.",
            where_seen="public_post",
        )
    )
    assert exchange.scope is Scope.MIXED


@pytest.mark.parametrize(
    "text",
    [
        "Un type insulte les clients devant le magasin, c'est pas sur internet.",
        # Noise through the wall every night is a neighbours' quarrel, however tiring.
        "mon voisin fait du bruit tous les soirs jusqu'à minuit, je n'en peux plus",
    ],
)
def test_offline_conduct_is_not_online_content(text: str) -> None:
    got = run(report(text))
    assert got.categories == []
    assert got.destinations == [Destination.CLOSED]


@pytest.mark.parametrize(
    "text",
    [
        "Ce gâteau est une vraie tuerie.",
        "En jouant à un jeu de tir il a dit qu'il allait tuer le boss.",
        "Reportage sur l'histoire du racisme, instructif.",
        "Photo de la promo 2024 dans le groupe de la promo.",
        "Ce soir il a dit qu'il va sauter le repas, il prépare un match.",
        "She said she is going to jump for joy tonight when the results come out.",
    ],
)
def test_more_innocent_uses(text: str) -> None:
    assert classify(report(text, where_seen="video")).categories == ()


# --- The matching engine: the fast path finds exactly what the plain patterns find ------------


def _texts() -> list[str]:
    texts = []
    for path in (*CORPORA, *EXTERNAL_PATHS, DEV_CASES):
        if path.is_file():
            texts += [json.loads(line)["report"]["description"] for line in path.open()]
    return [*texts, "", "   ", "!!!", "a , , b # c", "jvais te tuer demain 8h la", "ok"]


def test_word_pass_matches_like_each_group_pattern() -> None:
    vocabulary = load_vocabulary()
    for text in _texts():
        evidence = Evidence(vocabulary, text)
        for group, pattern in vocabulary.groups.items():
            expected = [(m.start() + 1, m.end()) for m in pattern.finditer(evidence.text)]
            got = [(m.start, m.end) for m in evidence.all(group)]
            assert got == expected, (group, evidence.text)


def test_phrase_rewriting_matches_the_plain_longest_first_pattern() -> None:
    vocabulary = load_vocabulary()
    ordered = sorted(vocabulary.phrases, key=len, reverse=True)
    plain = re.compile(r" (?:" + "|".join(re.escape(p) for p in ordered) + r")(?= )")
    grouped = vocabulary._phrase_pattern
    assert grouped is not None
    for text in _texts():
        spaced = " " + " ".join(vocabulary.normalise(text).split()) + " "
        for sample in (spaced, " " + " ".join(ordered) + " "):
            expected = [m.group() for m in plain.finditer(sample)]
            assert [m.group() for m in grouped.finditer(sample)] == expected


def test_negation_is_local_and_conditions_do_not_negate() -> None:
    vocabulary = load_vocabulary()
    negated = Evidence(vocabulary, "il ne m'a pas menacée")
    assert [m.negated for m in negated.all("generic_threat")] == [True]
    condition = Evidence(vocabulary, "il veut 300 euros si je ne paie pas 300 euros")
    assert [m.negated for m in condition.all("money_demand")] == [False, False]
    clause = Evidence(vocabulary, "je sais pas quoi faire, il menace")
    assert [m.negated for m in clause.all("generic_threat")] == [False]
    # A quotation mark ends a clause: the reporter's negation does not reach the quoted words.
    quoted = Evidence(vocabulary, "elle connaît pas « beuh dispo »")
    assert [m.negated for m in quoted.all("drugs")] == [False]
    unquoted = Evidence(vocabulary, "elle connaît pas de beuh")
    assert [m.negated for m in unquoted.all("drugs")] == [True]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # Spoken French drops the "ne": an object pronoun, the verb, then "pas" or "jamais".
        ("elle m'insulte pas, elle ment", True),
        ("il me menace jamais", True),
        ("il m'insulte pas mal ces temps-ci", False),
        ("il m'insulte tous les jours", False),
        ("c'est une insulte pas une blague", False),
    ],
)
def test_a_verb_is_denied_by_the_pas_after_it(text: str, negated: bool) -> None:
    evidence = Evidence(load_vocabulary(), text)
    group = "generic_threat" if "menace" in text else "insult_explicit"
    assert [m.negated for m in evidence.all(group)] == [negated]


def test_optional_word_makes_its_separator_optional() -> None:
    body = compile_term("sinon (il|elle) (la|le)? ?(publie*)", {})
    assert re.fullmatch(body, "sinon elle publie")
    assert re.fullmatch(body, "sinon elle la publie")


@pytest.mark.parametrize("term", ["licen[cs]es?", "tue+", "impots.gouv", "\\bmort"])
def test_regular_expression_syntax_in_a_term_is_a_load_error(term: str) -> None:
    # It would otherwise become a word separator, and the term would never match.
    with pytest.raises(VocabularyError, match="not term syntax"):
        compile_term(term, {})


def test_a_term_that_does_not_compile_is_a_load_error_naming_its_group() -> None:
    # Group patterns are compiled only when needed: each term is compiled at load instead.
    with pytest.raises(VocabularyError, match=r"threats\.toml: group 'menace' does not compile"):
        _compile_group("menace", ["je vais", "(ma|mon fille"], "threats.toml", {})


def test_a_term_is_read_with_the_spellings_reports_are_read_with() -> None:
    # Reports never hold "pics" (spelling.toml reads it "photos") nor "can't go on" (read "can
    # not go on"): a term written with them would never match. `<n>` and a beginning ("pic*")
    # are left as written; a phrase is read after the words, as in a report.
    as_read = TermReading(
        {"pics": "photos", "medocs": "medicaments", "n": "x", "pic": "photo", "cant": "can t"},
        {"can t": "can not", "sans arret": "continuellement"},
    )
    assert (
        as_read("(nude|pic*) pics? <n> medocs c0pics (cant|can t) go on sans arret")
        == "(nude|pic*) photos? <n> medicaments c0pics (can not|can not) go on continuellement"
    )
    evidence = Evidence(load_vocabulary(), "il m'envoie des dick pics et des nudes, j'ai 15 ans")
    assert [m.text for m in evidence.all("sexual_content")][:1] == ["dick photos"]


def test_a_dm_named_alone_makes_a_public_tick_private() -> None:
    # The description wins over the ticked box: only a private channel is described.
    alone = classify(
        report("Un mec m'a écrit en DM pour me traiter de gros con.", where_seen="public_comment")
    )
    assert alone.scope is Scope.PRIVATE
    both = classify(
        report(
            "Il poste des photos de moi et m'envoie des DM pour me traiter de gros con.",
            where_seen="public_post",
        )
    )
    assert both.scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # A threat to post is no public part yet, in the present tense too.
        ("Il me réclame 300 euros, sinon il les met en ligne.", "private_message", Scope.PRIVATE),
        (
            "Elle veut 100 euros sinon elle les poste sur un profil Facebook public.",
            "private_message",
            Scope.PRIVATE,
        ),
        (
            "He emails me threats every day. Nothing has been posted publicly.",
            "email",
            Scope.PRIVATE,
        ),
        # Comments on all of someone's photos are public, whatever channel the form names.
        (
            "Il crée des faux comptes pour commenter ttes mes photos et m'écrit aussi par SMS.",
            "sms",
            Scope.MIXED,
        ),
    ],
)
def test_a_post_threatened_or_denied_is_no_public_part_and_comments_are(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


def test_a_group_to_be_lined_up_and_shot_is_a_call_to_violence() -> None:
    text = "This page keeps saying these migrants should be lined up and shot."
    assert Category.THREATS_VIOLENCE in categories_of(text, "public_post")


def test_negation_reaches_a_coordinated_word() -> None:
    got = classify(
        report(
            "Nous n'avons relevé aucun propos raciste ou antisémite, seulement des insultes "
            "(« abruti », « connard ») visant un adulte.",
            where_seen="public_comment",
        )
    )
    assert Category.HATE not in got.categories
    assert Category.INSULT_DEFAMATION in got.categories


def test_when_the_reporter_read_it_is_not_when_the_danger_is() -> None:
    read = classify(
        report(
            "Ce matin j'ai reçu un mail qui dit qu'il va me tuer.",
            where_seen="email",
        )
    )
    assert Category.THREATS_VIOLENCE in read.categories
    assert read.imminent_danger is False
    announced = classify(report("Il m'a écrit qu'il va me tuer ce soir.", where_seen="sms"))
    assert announced.imminent_danger is True


def test_sms_and_homophone_spellings() -> None:
    got = classify(report("le voisin ma envoyer un sms, il dit qu il va me tuer", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in got.categories
    english = classify(report("he says he'll find me and kill me, im 15", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in english.categories
    assert english.victim_minor is True


def test_an_insult_because_of_a_protected_trait_is_hate() -> None:
    got = classify(
        report(
            "Un mec m'a écrit que je suis une salope juste parce que je suis une femme.",
            where_seen="private_message",
        )
    )
    assert Category.HATE in got.categories
    assert Category.INSULT_DEFAMATION not in got.categories


def test_repeated_mockery_is_harassment_with_insults() -> None:
    got = classify(
        report(
            "Tous les jours des élèves de ma classe commentent mes photos en me traitant de "
            "boulet, j'ai 13 ans.",
            where_seen="public_comment",
        )
    )
    assert set(got.categories) == {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION}


def test_no_identifiable_victim_means_unknown_age() -> None:
    got = classify(
        report(
            "Des vidéos de défi dangereux circulent, des collégiens essaient de s'étrangler "
            "jusqu'à s'évanouir.",
            where_seen="video",
        )
    )
    assert Category.ENDANGERMENT in got.categories
    assert got.victim_minor is None


def test_culinary_and_gaming_words_are_not_threats() -> None:
    pastry = (
        "Pub d'une pâtisserie: notre bombe au chocolat, une vraie tuerie, une explosion de "
        "saveurs qui va tout faire sauter."
    )
    game = (
        "Mon fils a écrit 'on va le massacrer ce soir' à propos d'un boss, c'est un raid sur "
        "world of warcraft."
    )
    for text in (pastry, game):
        got = classify(report(text, where_seen="public_post"))
        assert Category.THREATS_VIOLENCE not in got.categories, text
        assert Category.TERRORISM not in got.categories, text
        assert Category.CYBERHARASSMENT not in got.categories, text


# Generalisation checks: sentences written for these weak spots (SMS, formal French, English),
# each with innocent look-alikes. None is copied from a corpus.


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            (
                "jsp mon pote dit que cette vidéo est raciste, moi je vois un mec qui critique le "
                "gouvernement"
            ),
            "video",
        ),
        (
            (
                "Un ami la trouve antisémite ; j'y lis seulement une critique du gouvernement "
                "israélien."
            ),
            "public_post",
        ),
        (
            (
                "My friend says this post is antisemitic but it's just criticism of the "
                "government's policy."
            ),
            "public_post",
        ),
        (
            (
                "Il dit que c'est diffamatoire mais c'est un article qui critique la politique du "
                "maire."
            ),
            "website",
        ),
        (
            (
                "Ma voisine trouve cette vidéo homophobe, pourtant elle ne parle que de politique "
                "fiscale."
            ),
            "video",
        ),
    ],
)
def test_an_opinion_quoted_by_the_reporter_is_not_hate_or_defamation(text: str, where: str) -> None:
    got = classify(report(text, where_seen=where))
    assert not {Category.HATE, Category.INSULT_DEFAMATION} & set(got.categories)


@pytest.mark.parametrize(
    "text",
    [
        "Un post dit que les juifs contrôlent tout et qu'il faut les chasser du pays.",
        "ce compte traite les musulmans de vermine sous chaque vidéo",
    ],
)
def test_content_itself_described_as_hateful_is_still_hate(text: str) -> None:
    assert Category.HATE in classify(report(text, where_seen="public_post")).categories


@pytest.mark.parametrize(
    "text",
    [
        "on ma traité de terroriste en commentaire, ils sont 30 a me harceler sous chaque photo",
        (
            "Depuis ma publication, des dizaines de comptes me qualifient de terroriste en "
            "commentaire."
        ),
        "Dozens of accounts keep calling me a terrorist under my posts since yesterday.",
    ],
)
def test_terrorist_thrown_at_a_person_in_a_raid_is_insult_and_harassment(text: str) -> None:
    got = classify(report(text, where_seen="public_comment"))
    assert Category.TERRORISM not in got.categories
    assert {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT} <= set(got.categories)


def test_terrorist_as_a_single_insult_is_an_insult() -> None:
    got = classify(
        report(
            "Il m'a insultée de sale terroriste dans un commentaire.", where_seen="public_comment"
        )
    )
    assert set(got.categories) == {Category.INSULT_DEFAMATION}


@pytest.mark.parametrize(
    "text",
    [
        "Une chaîne Telegram fait l'apologie des attentats et appelle à rejoindre Daech.",
        "This channel praises the terrorists of the Bataclan as heroes.",
    ],
)
def test_real_terrorism_is_still_terrorism(text: str) -> None:
    assert Category.TERRORISM in classify(report(text, where_seen="public_group")).categories


@pytest.mark.parametrize(
    "text",
    [
        "samedi apres le match je te plante sale arbitre",
        (
            "Après la rencontre de dimanche au stade, je vais te tuer sur le parking, écrit-il à "
            "l'arbitre."
        ),
        "Saturday after the game I'm going to stab you, ref.",
    ],
)
def test_a_death_threat_in_a_sports_context_is_still_a_threat(text: str) -> None:
    got = classify(report(text, where_seen="public_comment"))
    assert Category.THREATS_VIOLENCE in got.categories
    assert got.imminent_danger is True


@pytest.mark.parametrize(
    "text",
    [
        "On va les écraser samedi au match, ils vont mourir sur le terrain haha",
        "Le PSG va tuer le match ce soir, on va les massacrer 3-0",
        "sur fortnite un mec m'a dit je vais te tuer au prochain round, c'est le jeu",
    ],
)
def test_sport_and_game_banter_without_a_threatened_person_is_nothing(text: str) -> None:
    assert classify(report(text, where_seen="public_comment")).categories == ()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            (
                "J'ai vu une annonce sur un site pour un placement en crypto, ensuite un "
                "conseiller m'a appelé et j'ai viré 3000 euros."
            ),
            "website",
        ),
        (
            (
                "Une fenêtre sur un site affirmait que mon ordinateur était infecté ; le "
                "technicien m'a rappelé et a pris la main à distance."
            ),
            "website",
        ),
        (
            (
                "saw an ad on facebook for an investment, then a guy called me and I sent him 2000 "
                "euros"
            ),
            "public_post",
        ),
        (
            (
                "jai vu une pub sur insta pour un iphone pas cher, le vendeur ma appelé et jai "
                "payé par virement, rien reçu"
            ),
            "public_post",
        ),
    ],
)
def test_a_call_after_a_public_ad_is_a_mixed_scam(text: str, where: str) -> None:
    got = run(report(text, where_seen=where))
    assert Category.SCAM in got.categories
    assert got.scope is Scope.MIXED
    assert {Destination.ANALYSTS, Destination.THESEE} <= set(got.destinations)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        (
            "Un faux conseiller bancaire m'a appelé pour me demander mes codes.",
            "sms",
            Scope.PRIVATE,
        ),
        (
            "J'ai vu une pub sur un site pour une assurance, elle est chère mais bon.",
            "website",
            Scope.PUBLIC,
        ),
    ],
)
def test_a_call_alone_or_an_ad_alone_is_not_mixed(text: str, where: str, scope: Scope) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    "text",
    [
        "Ma grand-mère a reçu un appel d'un soi-disant petit-fils qui demandait 2000 euros.",
        "mamie a eu un sms 'mamie c moi jai perdu mon tel envoie moi 500 euros stp'",
        "My grandfather got a message from someone pretending to be his grandson asking for money.",
    ],
)
def test_a_grandparent_targeted_by_the_fake_grandchild_scam_is_an_adult(text: str) -> None:
    got = classify(report(text, where_seen="sms", victim={"is_minor": True}))
    assert Category.SCAM in got.categories
    assert got.victim_minor is False


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        (
            "Je suis infirmière et un patient me harcèle par SMS tous les jours avec des menaces.",
            False,
        ),
        ("jsuis infirmiere, un patient menvoie des insultes h24 il me harcele", False),
        ("I am a nurse and a patient keeps harassing me with insulting texts every day.", False),
        (
            (
                "Je suis infirmière scolaire : une élève de 5e reçoit chaque jour des insultes "
                "de sa classe sur Snapchat."
            ),
            True,
        ),
        ("je suis prof, un eleve de 4e se fait insulter tous les jours sur insta", True),
    ],
)
def test_the_reporters_job_describes_the_reporter_not_the_victim(text: str, minor: bool) -> None:
    assert classify(report(text, where_seen="private_message")).victim_minor is minor


@pytest.mark.parametrize(
    "text",
    [
        "on va tout faire sauter au bowling ce soir",
        "Ce soir on fait tout péter en boîte, ça va être énorme !",
        "Tonight we're gonna blow up the dance floor!",
        "Samedi notre DJ va faire sauter la baraque, venez nombreux.",
    ],
)
def test_party_slang_is_not_a_threat(text: str) -> None:
    got = classify(report(text, where_seen="public_post"))
    assert got.categories == ()
    assert got.imminent_danger is False


@pytest.mark.parametrize(
    "text",
    [
        "on va faire sauter la mairie ce soir",
        "Demain matin, je vais faire exploser la préfecture avec une bombe, a-t-il publié.",
        "Tonight we're going to blow up the town hall.",
        # An attack announced as the repeat of one, or named after a massacre.
        "Un compte a posté : demain à la sortie du stade je fais ce qu'ils ont fait au Bataclan.",
        "Someone in the group says he will do what the shooter did in Christchurch tonight.",
        "Message reçu : on va faire un Bataclan dans ta salle samedi soir.",
    ],
)
def test_an_attack_announced_with_a_time_or_place_is_terrorism_threats_and_imminent(
    text: str,
) -> None:
    got = classify(report(text, where_seen="public_post"))
    assert {Category.TERRORISM, Category.THREATS_VIOLENCE} <= set(got.categories)
    assert got.imminent_danger is True


# --- Families added for reports written by people who never saw the vocabularies ------------

REPORTS_3 = Path(__file__).parents[1] / "corpus/reports_3.jsonl"


def test_reports_3_corpus_thresholds() -> None:
    metrics = _metrics(REPORTS_3)
    assert metrics.cases >= 60
    assert metrics.destinations_accuracy >= 0.95, metrics.misrouted
    assert metrics.priority_accuracy >= 0.95
    assert metrics.category_micro_f1 >= 0.95


def _cats(text: str, where: str = "sms", **fields: object) -> set[Category]:
    return set(classify(report(text, where_seen=where, **fields)).categories)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # violence short of death, promised to a person
        ("elle m'a dit qu'elle allait me foutre des baffes demain", {Category.THREATS_VIOLENCE}),
        ("il va me donner un coup de main pour le carton", set()),
        ("I'm gonna beat you up, he texted my brother", {Category.THREATS_VIOLENCE}),
        ("il me casse la tête avec ses histoires de voiture", set()),
        # veiled threats: two hints, or one with a condition
        ("si tu racontes ça je viens m'occuper de toi", {Category.THREATS_VIOLENCE}),
        ("on connaît ton adresse, fais gaffe", {Category.THREATS_VIOLENCE}),
        ("l'infirmière va venir s'occuper de moi tout à l'heure", set()),
        # conditional kill, 'on sait où vous …' in every person
        ("son mari a écrit qu'il la tuerait si elle partait", {Category.THREATS_VIOLENCE}),
        ("on sait où vous garez votre voiture", {Category.THREATS_VIOLENCE}),
        ("ça me tuerait de rater ce concert", set()),
        # hyperbole: exams, sport, lyrics, curses
        ("demain je vais exploser mon oral, je vais tout tuer", set()),
        ("je te défonce au ping pong samedi", set()),
        ("tu vas brûler en enfer pour ce spoiler", set()),
        # a suicide named with a weapon is endangerment, not an armed threat
        ("il annonce son suicide avec son fusil pour ce soir", {Category.ENDANGERMENT}),
    ],
)
def test_threat_families(text: str, expected: set[Category]) -> None:
    assert _cats(text) == expected


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ("un compte poste 'sale chinetoque, ching chong' sous ses photos", "public_comment", True),
        ("il mange du riz et du poulet à la cantine", "sms", False),
        ("on l'appelle « la guenon » au bureau, je suis la seule noire", "private_group", True),
        ("le zoo a eu un bébé singe, photos sur le site", "website", False),
        ("ils disent que personne ne doit louer aux musulmans", "public_group", True),
        ("il faut aider les migrants par tous les moyens", "public_post", False),
    ],
)
def test_hate_families(text: str, where: str, expected: bool) -> None:
    assert (Category.HATE in _cats(text, where)) is expected


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        (
            "il a écrit sur le groupe public que je bats mes enfants, c'est faux",
            "public_group",
            True,
        ),
        ("ma voisine dit que son mari bat ses enfants, j'ai peur pour eux", "unknown", False),
        (
            "avis Google : plats fades et trop chers, c'est diffamatoire selon le patron",
            "website",
            False,
        ),
    ],
)
def test_defamation_families(text: str, where: str, expected: bool) -> None:
    assert (Category.INSULT_DEFAMATION in _cats(text, where)) is expected


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        (
            "un inconnu m'envoie des dick pics chaque nuit, j'ai bloqué 3 comptes",
            "private_message",
            True,
        ),
        ("une bande de son lycée lui écrit depuis lundi qu'elle va se faire tabasser", "sms", True),
        ("il a posté une fausse photo nue de moi faite par IA", "public_post", True),
        (
            "50 commentaires par jour pour vendre des followers, c'est du harcèlement",
            "public_comment",
            False,
        ),
        ("j'ai ouvert un compte sur ce forum et quelqu'un m'a répondu", "website", False),
        ("j'ai lu une bande dessinée sur instagram, nulle", "public_post", False),
    ],
)
def test_harassment_families(text: str, where: str, expected: bool) -> None:
    assert (Category.CYBERHARASSMENT in _cats(text, where)) is expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("des faux gendarmes ont récupéré les bijoux de ma tante", Category.SCAM, True),
        ("on me demande de payer l'amende en cartes Transcash", Category.SCAM, True),
        ("félicitations pour ton permis !", Category.SCAM, False),
        ("un tuto qui explique comment faire de faux RIB", Category.INCITEMENT_OFFENCES, True),
        ("ils lui offrent 40 € pour faire le guetteur", Category.INCITEMENT_OFFENCES, True),
        (
            "le coiffeur m'a proposé 50 euros pour faire le ménage",
            Category.INCITEMENT_OFFENCES,
            False,
        ),
        ("il parle de coke dans sa vidéo mais il vend rien", Category.ILLICIT_TRAFFICKING, False),
        ("c'est fini dans 10 minutes, j'ai les cachets devant moi", Category.ENDANGERMENT, True),
        ("le chantier sera fini dans 3 jours", Category.ENDANGERMENT, False),
    ],
)
def test_other_families(text: str, category: Category, expected: bool) -> None:
    assert (category in _cats(text)) is expected


def test_announced_attack_on_a_named_place_is_imminent_without_a_time() -> None:
    got = classify(
        report("ce lycée va se faire attaquer, vous êtes prévenus", where_seen="public_post")
    )
    assert Category.THREATS_VIOLENCE in got.categories
    assert got.imminent_danger is True


def test_past_time_stamp_does_not_make_a_threat_imminent() -> None:
    got = classify(report("il m'a envoyé hier à 22h « je te bute »", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in got.categories
    assert got.imminent_danger is False


def test_a_threat_to_post_publicly_keeps_a_private_scope() -> None:
    got = classify(
        report("he says he'll post them on Instagram unless I pay", where_seen="private_message")
    )
    assert got.scope is Scope.PRIVATE


def test_an_amount_written_500e_is_euros_and_a_school_year_stays_one() -> None:
    vocabulary = load_vocabulary()
    assert " 800 euros " in vocabulary.normalise("il exige 800e avant ce soir")
    assert " 5e " in vocabulary.normalise("ma fille est en 5e")
    got = run(
        report("Elle m'a filmée nue en visio et réclame 300e, sinon la vidéo part à ma famille.")
    )
    assert got.categories == [Category.SCAM]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Un concurrent écrit que mon garage revend des pièces volées. C'est faux.",
            Category.INSULT_DEFAMATION,
        ),
        (
            "La boutique en ligne prend les paiements par carte et ne livre jamais.",
            Category.SCAM,
        ),
        (
            "Un faux profil de notre cabinet fait payer nos patients sur un nouveau RIB.",
            Category.SCAM,
        ),
    ],
)
def test_offences_imputed_and_frauds_in_other_words(text: str, category: Category) -> None:
    assert category in run(report(text, where_seen="website")).categories


def test_planter_someone_is_a_threat_but_failing_oneself_is_not() -> None:
    threat = run(report("Sur Snap il m'a dit qu'il allait me planter si je parlais aux profs."))
    assert Category.THREATS_VIOLENCE in threat.categories
    assert (
        run(report("J'ai peur de me planter au bac, je vais me planter en maths.")).categories == []
    )


def test_pictures_of_children_sold_as_a_product_are_child_sexual_abuse() -> None:
    got = run(
        report(
            "Un compte vend des lots de photos de gamines, 30 € le lot.", where_seen="public_post"
        )
    )
    assert got.categories == [Category.CHILD_SEXUAL_ABUSE]
    assert Destination.OFMIN in got.destinations


def test_sms_spellings_of_a_blackmail_with_intimate_pictures() -> None:
    text = "il menasse de montrer mes foto intime si je lui donne pas 200 euro. j'ai 30 ans"
    got = run(report(text, where_seen="private_message"))
    assert got.categories == [Category.SCAM]
    assert got.destinations == [Destination.THESEE]


def test_an_attack_announced_by_someone_sharing_jihadist_videos_is_not_harassment() -> None:
    got = run(
        report(
            "Depuis des semaines il m'envoie des vidéos de Daech. Hier il a écrit : dimanche au "
            "marché vous allez tous entendre parler de moi.",
            where_seen="private_message",
        )
    )
    assert {Category.TERRORISM, Category.THREATS_VIOLENCE} <= set(got.categories)
    assert Category.CYBERHARASSMENT not in got.categories
    assert got.imminent_danger is True


@pytest.mark.parametrize(
    "text",
    [
        "Sous ma vidéo quelqu'un a écrit « sa tronche de gogol, sérieux ».",
        "Un élève a commenté ma photo : « t'es pitoyable ».",
        "Il poste mes photos en m'appelant « le boloss de la classe ».",
    ],
)
def test_a_single_insult_addressed_to_a_person_is_an_insult(text: str) -> None:
    assert Category.INSULT_DEFAMATION in run(report(text, where_seen="public_comment")).categories


def test_a_skull_is_not_an_insult() -> None:
    got = run(
        report("L'affiche du concert est ridicule, avec une tête de mort.", where_seen="website")
    )
    assert got.categories == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Une page glorifie les frères Kouachi, présentés comme des héros.", Category.TERRORISM),
        ("Sur TikTok un compte dit que Coulibaly est un modèle à suivre.", Category.TERRORISM),
        ("Un message à la synagogue : on va achever le travail commencé en 1941.", Category.HATE),
        ("He told my sister he will rip off her hijab at school tomorrow.", Category.HATE),
        ("Des bots qui postent des liens de casino sous toutes mes vidéos.", Category.SPAM),
    ],
)
def test_glorification_the_holocaust_as_a_program_symbols_and_bots(
    text: str, category: Category
) -> None:
    assert category in run(report(text, where_seen="public_comment")).categories


def test_a_tribute_to_the_victims_of_an_attack_is_not_terrorism() -> None:
    got = run(
        report("Hommage aux victimes du Bataclan, présenté comme un moment de recueillement.")
    )
    assert got.categories == []


def test_an_account_posting_opinions_is_not_harassing_anyone() -> None:
    got = run(
        report(
            "This page keeps posting that we should leave NATO. I strongly disagree with them.",
            where_seen="public_post",
            category_hint="hate",
        )
    )
    assert got.categories == []


def test_crook_among_insults_is_an_insult_not_a_scam() -> None:
    got = run(report("Mon voisin m'a écrit « menteur, escroc, tu vas voir ».", where_seen="sms"))
    assert Category.SCAM not in got.categories


@pytest.mark.parametrize(
    ("text", "where", "present", "absent"),
    [
        # A threat named by the reporter, a beating said to be deserved, someone waited for.
        (
            "Sous mon dernier post quelqu'un a laissé une menace de viol.",
            "public_comment",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "Sur le groupe du quartier : « ce conseiller municipal mérite une bonne raclée ».",
            "public_group",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "Message d'un ancien élève : « on t'attendra à la sortie du lycée ».",
            "private_message",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "He got rape threats under his latest video.",
            "video",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        # A group said to deserve blows, or shot at on sight: hate and threats.
        (
            "Une vidéo explique que les femmes voilées méritent des gifles.",
            "video",
            {Category.HATE, Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "Un tweet appelle à tirer à vue sur les migrants à la frontière.",
            "public_post",
            {Category.HATE, Category.THREATS_VIOLENCE},
            set(),
        ),
        # Praise for the author of an attack.
        (
            "Après l'attaque au couteau : « Allah accueille le frère, il en faut davantage ».",
            "public_comment",
            {Category.TERRORISM},
            set(),
        ),
        # People degraded for a disability; a home-made weapon or a refund fraud taught.
        (
            "Une page montre des personnes atteintes d'autisme avec des légendes humiliantes.",
            "public_post",
            {Category.HATE},
            set(),
        ),
        (
            "Tuto TikTok pour fabriquer un mortier artisanal et viser les pompiers.",
            "video",
            {Category.INCITEMENT_OFFENCES},
            set(),
        ),
        (
            "Un youtubeur explique comment faire du refund sur Zalando.",
            "video",
            {Category.INCITEMENT_OFFENCES},
            set(),
        ),
        # Harassment: messages counted in a short time, a house shown with a name, a raid.
        (
            "Mon ex m'insulte par SMS, il m'en a envoyé 25 ce soir.",
            "sms",
            {Category.CYBERHARASSMENT},
            set(),
        ),
        (
            "Un compte a publié le nom du juge et la photo de sa maison : « à vous de voir ».",
            "public_post",
            {Category.CYBERHARASSMENT},
            set(),
        ),
        (
            "Dozens of accounts flooded my TikTok post with racist comments in one night.",
            "public_comment",
            {Category.CYBERHARASSMENT, Category.HATE},
            set(),
        ),
        # Not harassment: a trade held for years, an account hijacked to ask friends for money.
        (
            "Je tiens ce garage depuis 15 ans, un client me traite d'escroc sur ma page.",
            "public_post",
            set(),
            {Category.CYBERHARASSMENT},
        ),
        (
            "Someone hacked my Facebook and asks my friends for money pretending to be me.",
            "private_message",
            {Category.SCAM},
            {Category.CYBERHARASSMENT},
        ),
        # A group promised the ovens or a street "cleaned" of someone's "race"; acid in the face;
        # a gun taken to someone's home, by a man who will then kill himself.
        (
            "SMS à la mosquée : « vous allez tous finir au four ».",
            "sms",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "Mail reçu : « on va nettoyer la rue de ta sale race ».",
            "email",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "My neighbour said he would throw acid in my face.",
            "private_message",
            {Category.THREATS_VIOLENCE},
            set(),
        ),
        (
            "Mon oncle m'écrit « je vais chez elle avec mon fusil et après je me tue ».",
            "sms",
            {Category.THREATS_VIOLENCE, Category.ENDANGERMENT},
            set(),
        ),
        # A disease wished on someone is a curse; a fake police summons is a scam.
        (
            "Un inconnu m'a écrit « tu vas crever du cancer, sale vieille ».",
            "private_message",
            set(),
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Convocation de la police par mail : on m'accuse d'avoir consulté des sites pédo, "
                "amende de 3000 €."
            ),
            "email",
            {Category.SCAM},
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # A school "balance" account, an account made to post someone's pictures.
        (
            "Un compte Insta « balance » du lycée publie des photos d'élèves avec des moqueries.",
            "public_post",
            {Category.CYBERHARASSMENT},
            set(),
        ),
        (
            "He made an Instagram account sharing pictures of me.",
            "public_post",
            {Category.CYBERHARASSMENT},
            set(),
        ),
        # Thoughts of disappearing; licences sold without the exam.
        (
            "Mon fils m'a écrit : « j'ai envie de disparaître, ça sert à rien que je sois là ».",
            "private_message",
            {Category.ENDANGERMENT},
            set(),
        ),
        (
            "An Instagram page sells driving licences without the exam for 800 euros.",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
            set(),
        ),
    ],
)
def test_threats_praise_and_harassment_told_in_other_words(
    text: str, where: str, present: set[Category], absent: set[Category]
) -> None:
    categories = set(classify(report(text, where_seen=where)).categories)
    assert present <= categories
    assert not absent & categories


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        # A film's trailer, game shot by a hunter, a faulty product from a known retailer.
        (
            "Bande-annonce d'un thriller où le méchant dit qu'il va faire sauter la gare.",
            "terrorism",
        ),
        ("Vidéo d'un chasseur qui abat un chevreuil, je trouve ça cruel.", "threats_violence"),
        ("J'ai commandé une télé chez Darty, elle marche pas, c'est du vol.", "scam"),
    ],
)
def test_look_alikes_with_a_ticked_box_are_closed(text: str, hint: str) -> None:
    assert classify(report(text, where_seen="video", category_hint=hint)).categories == ()


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # Open to all, a channel of videos, calls received: each side of a mixed case.
        (
            "Ma photo tourne sur un canal Telegram ouvert à tout le monde et il m'écrit en privé.",
            "private_message",
            Scope.MIXED,
        ),
        (
            "Elle a mis mon numéro sur un site d'annonces et je reçois des appels d'inconnus.",
            "website",
            Scope.MIXED,
        ),
        ("Il fait des vidéos YouTube sur moi et m'envoie des SMS.", "video", Scope.MIXED),
        # An invitation to write privately, quoted from a public comment, is no private part.
        (
            "Sous les photos de fillettes il commente « écris-moi en privé ma belle ».",
            "public_comment",
            Scope.PUBLIC,
        ),
        # "Live" the verb is no live stream; "go live" is.
        (
            "A colleague texts me insults every evening, we both live in Nantes.",
            "sms",
            Scope.PRIVATE,
        ),
        (
            "Whenever I go live, the same guy spams my chat and then messages me.",
            "video",
            Scope.MIXED,
        ),
        # A friend who no longer answers the phone; details offered in DM by a public channel.
        (
            "Ma sœur a publié un message d'adieu sur Facebook, elle ne répond plus au téléphone.",
            "public_post",
            Scope.PUBLIC,
        ),
        (
            "Chaîne Telegram qui vend des faux billets, « infos en MP », 3000 abonnés.",
            "public_group",
            Scope.PUBLIC,
        ),
        # Pictures uploaded to a site; the reporter writing to the seller.
        ("He uploaded my pictures to a forum and texts me about it.", "website", Scope.MIXED),
        (
            "Annonce publique de vente d'armes, je lui ai écrit pour voir, il m'a répondu.",
            "website",
            Scope.MIXED,
        ),
    ],
)
def test_scope_told_in_other_words(text: str, where: str, scope: Scope) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Blackmail told by its victim, with a pronoun ("menace de les publier").
        (
            (
                "Un inconnu dit avoir mes vidéos intimes et menace de les publier "
                "si je ne vire pas 300 euros."
            ),
            "private_message",
        ),
        # The child's "new number", and a bill to pay for them.
        ("SMS : « papa c'est moi, nouveau numéro, tu peux régler une facture pour moi ? »", "sms"),
        # Paid tasks, then money to unlock the next ones.
        (
            (
                "Offered an online job rating hotels, "
                "now they want 200 euros to unlock higher commissions."
            ),
            "private_message",
        ),
        # A money mule's "job".
        (
            "Une annonce de job où il faut recevoir des virements sur son compte et les renvoyer.",
            "email",
        ),
        # The vote link that takes the account over.
        (
            "Ma tante a cliqué sur un lien pour voter pour sa nièce, son WhatsApp a été piraté.",
            "sms",
        ),
        # A shop with an invented legal notice; customers paid and never got anything.
        (
            "Boutique au SIRET inexistant : des clients ayant payé sans jamais être livrés.",
            "website",
        ),
        # A prize won for a fee; a celebrity who "became rich"; a fake savings book.
        (
            "Faux compte d'un youtubeur : vous avez gagné une PS5, payez juste les frais de port.",
            "public_comment",
        ),
        (
            "Pub où un chanteur connu raconte qu'il est devenu millionnaire avec une appli.",
            "public_post",
        ),
        ("Publicité pour un faux livret d'épargne vu au JT.", "video"),
    ],
)
def test_scams_told_in_other_words(text: str, where: str) -> None:
    assert Category.SCAM in classify(report(text, where_seen=where)).categories


@pytest.mark.parametrize(
    ("text", "where", "present"),
    [
        # Name-calling told by a witness, looks put down in reported speech.
        (
            "Au conseil de quartier en ligne, un élu traite la voisine de folle à lier.",
            "public_comment",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Elle a posté ma photo avec écrit que je suis trop laide, devant tout le monde.",
            "public_post",
            {Category.INSULT_DEFAMATION},
        ),
        # A group named for hating someone; an account posting humiliating clips of a pupil.
        (
            "Ils ont fait un groupe WhatsApp « on déteste Chloé » et l'y ont ajoutée.",
            "private_group",
            {Category.CYBERHARASSMENT},
        ),
        (
            "Un compte Insta publie des vidéos humiliantes d'un collégien de 12 ans.",
            "video",
            {Category.CYBERHARASSMENT},
        ),
        # Naked pictures put on a site; pornographic edits with someone's face.
        (
            "Mon ancien copain a posté mes photos nues sur un forum avec mon prénom.",
            "website",
            {Category.CYBERHARASSMENT},
        ),
        (
            "Une page diffuse des montages porno avec le visage de ma collègue.",
            "public_post",
            {Category.CYBERHARASSMENT},
        ),
        # A massacre announced in the past tense; a mosque "taken care of" on a day.
        (
            "Dans un vocal il disait qu'il allait faire une tuerie dans sa fac lundi.",
            "private_message",
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Message posté : « dimanche on s'occupe de la synagogue », avec une photo d'arme.",
            "public_post",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # A group sent to the stake; a bullet they "should take"; a target drawn on a photo.
        (
            "Sur ce forum : « les gitans au bûcher ».",
            "website",
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        (
            "Un voisin écrit que ces gens devraient se prendre une balle.",
            "private_group",
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Ils ont posté une photo de moi avec une cible dessus.",
            "public_post",
            {Category.THREATS_VIOLENCE},
        ),
        # A beating happening now, on a live.
        (
            "En live TikTok là, trois types tabassent un vieux par terre.",
            "video",
            {Category.ENDANGERMENT},
        ),
    ],
)
def test_insults_groups_and_threats_told_in_other_words(
    text: str, where: str, present: set[Category]
) -> None:
    assert present <= set(classify(report(text, where_seen=where)).categories)


@pytest.mark.parametrize(
    "text",
    [
        # On a height and about to jump, however the sentence runs; pills laid out tonight.
        (
            "Mon frère m'écrit qu'il est sur le toit du parking de la gare depuis une heure "
            "et qu'il va sauter."
        ),
        "She says the pills are laid out and she is done tonight.",
        "Il a écrit sur un forum qu'il a acheté une corde pour ce soir.",
    ],
)
def test_suicide_told_in_other_words_is_imminent(text: str) -> None:
    decision = classify(report(text, where_seen="sms"))
    assert Category.ENDANGERMENT in decision.categories
    assert decision.imminent_danger


def test_an_attack_praised_as_divine_punishment_is_terrorism() -> None:
    text = (
        "Sous l'article sur le prof décapité, quelqu'un écrit "
        "« Allah l'a puni, qu'il en tombe d'autres »."
    )
    assert classify(report(text, where_seen="public_comment")).categories == (Category.TERRORISM,)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        # A company that did not deliver or cut the line; an administration's site down.
        ("Cdiscount ne m'a jamais remboursé ma commande annulée, c'est du vol !", "scam"),
        ("SFR m'a coupé internet sans prévenir, escroquerie !", "scam"),
        ("Le site des impôts ne marche pas depuis hier, honteux.", "scam"),
        # Political speech; song lyrics; a music video; a war film's trailer.
        ("Un élu dit qu'il faut faire tomber ce gouvernement par les urnes.", "threats_violence"),
        (
            "Les paroles de ce morceau parlent de flinguer des gens, c'est grave non ?",
            "threats_violence",
        ),
        ("Le clip d'un rappeur montre des armes et de la drogue.", "incitement_offences"),
        ("Bande-annonce d'un film de guerre : on voit des soldats se faire exploser.", "terrorism"),
        # A mayor judged on his record.
        (
            "Sur Facebook les gens disent que le maire est incompétent, c'est de la diffamation ?",
            None,
        ),
    ],
)
def test_complaints_politics_and_works_are_closed(text: str, hint: str | None) -> None:
    assert classify(report(text, where_seen="public_post", category_hint=hint)).categories == ()


@pytest.mark.parametrize(
    ("text", "where", "imminent"),
    [
        # A killing or a fire told in the present, with a day or an hour: a threat to life, now.
        ("Story publique : « vendredi 18h je bute Kevin devant le gymnase ».", "public_post", True),
        (
            "« Cette nuit on brûle la mairie avec le maire dedans », posté en story.",
            "public_post",
            True,
        ),
        # A beating told in the present with a day: a threat, not a threat to life.
        ("Message dans le groupe : « lundi à la récré on le démonte ».", "private_group", False),
        # The jealous condition, in reported speech.
        (
            "Mon ex m'a écrit que s'il me voit avec un autre il me crève.",
            "private_message",
            False,
        ),
        # A group or a person to be killed, or beaten back into place.
        ("Un compte écrit qu'il faudrait chasser au fusil les gens du camp.", "public_post", False),
        (
            "A channel says trans people should be put down like dogs.",
            "video",
            False,
        ),
        ("Sous la vidéo : « elle va finir comme Paty ».", "public_comment", False),
        # A settling of scores promised; an address published with "à vous de jouer".
        ("Mon voisin m'a écrit qu'il allait venir me régler mon compte.", "sms", False),
        (
            "Un compte a publié l'adresse de ma sœur policière avec « à vous de jouer ».",
            "public_post",
            False,
        ),
    ],
)
def test_threats_in_the_present_and_in_other_words_without_a_ticked_box(
    text: str, where: str, imminent: bool
) -> None:
    decision = classify(report(text, where_seen=where))
    assert Category.THREATS_VIOLENCE in decision.categories
    assert decision.imminent_danger is imminent


def test_the_rule_index_finds_every_rule_whose_groups_all_match() -> None:
    vocabulary = load_vocabulary()
    rnd = random.Random(7)
    groups = sorted(vocabulary.groups)
    for size in [0, 1, 2, 3, 5, 8, 13, 21, 40] * 20:
        present = frozenset(rnd.sample(groups, size))
        expected = [
            (spec, rules)
            for spec in vocabulary.categories
            if (rules := [rule for rule in spec.rules if rule.needs <= present])
        ]
        assert vocabulary.applicable_rules(present) == expected


@pytest.mark.parametrize(
    ("text", "where", "category"),
    [
        # A meeting fixed with a child, tonight.
        (
            "Un adulte qui parle de sexe à ma fille de 12 ans lui a fixé un rdv ce soir à 19h.",
            "private_message",
            Category.CHILD_SEXUAL_ABUSE,
        ),
        # Farewells that say it, with no answer since.
        (
            "Mon fils vient de m'écrire « dis à papa que je l'aime » et il ne répond plus.",
            "sms",
            Category.ENDANGERMENT,
        ),
        (
            "He just texted 'tell mum I love her' and now his phone is off.",
            "public_post",
            Category.ENDANGERMENT,
        ),
        # The reporter calls for help to be sent, with the danger under way.
        (
            "URGENT il dit qu'il est en bas et qu'il va me défoncer la tête, appelez la police",
            "private_message",
            Category.THREATS_VIOLENCE,
        ),
        # Violence heard through the wall.
        (
            (
                "Please send someone, my neighbour is screaming he will kill his wife and I hear "
                "her crying through the wall"
            ),
            "unknown",
            Category.THREATS_VIOLENCE,
        ),
        # A farewell beside a time.
        (
            "Mon coloc a posté « adieu tout le monde, pardon pour tout » il y a dix minutes.",
            "public_post",
            Category.ENDANGERMENT,
        ),
        (
            "Ce soir je dors pour toujours, prenez soin de maman. C'est ce qu'elle a mis en story.",
            "video",
            Category.ENDANGERMENT,
        ),
    ],
)
def test_a_meeting_tonight_a_farewell_or_a_call_for_help_are_imminent(
    text: str, where: str, category: Category
) -> None:
    decision = classify(report(text, where_seen=where))
    assert category in decision.categories
    assert decision.imminent_danger


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A child mocked for a disability is hate, not a mere insult.
        (
            "Une page Facebook a été créée pour se moquer de mon fils autiste.",
            {Category.HATE},
            {Category.INSULT_DEFAMATION},
        ),
        # A team, a trade or a reporter's own book judged: no person insulted.
        (
            "Un mec sur Reddit dit que mon club de foot c'est des nuls et des clowns.",
            set(),
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Un youtubeur a fait une vidéo sur mon roman : nul, minable, c'est de la diffamation ?",
            set(),
            {Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_a_disability_mocked_and_collectives_judged(
    text: str, present: set[Category], absent: set[Category]
) -> None:
    categories = set(classify(report(text, where_seen="public_post")).categories)
    assert present <= categories
    assert not absent & categories


@pytest.mark.parametrize(
    "text",
    [
        # Made in one sentence, shared in the next.
        (
            "Des collègues ont fabriqué une fausse photo nue de moi avec une appli. "
            "Ils l'ont publiée sur un compte Insta."
        ),
        # A picture taken under a skirt and put in the class group.
        "Un élève a pris une photo sous la jupe de sa copine, mise dans le groupe de la classe.",
    ],
)
def test_intimate_pictures_shared_in_the_next_sentence_are_harassment(text: str) -> None:
    assert Category.CYBERHARASSMENT in classify(report(text, where_seen="public_post")).categories


def test_a_blackmailers_next_sentence_is_no_sharing() -> None:
    text = (
        "Un inconnu a des photos de moi nue. "
        "Il exige 500 euros sinon il envoie tout à mes collègues."
    )
    assert Category.CYBERHARASSMENT not in classify(report(text, where_seen="email")).categories


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # The call for help, where no life is at stake, is the reporter's worry only.
        (
            "URGENT ce compte vend de la beuh devant le lycée en ce moment, faites quelque chose",
            "video",
        ),
        ("Aidez-moi svp, j'ai donné mes codes à un faux conseiller tout à l'heure", "sms"),
        # A farewell with no time: distress, not a suicide under way.
        (
            "Une amie a écrit « pardon pour tout, adieu » sur son mur le mois dernier.",
            "public_post",
        ),
    ],
)
def test_a_call_for_help_or_a_farewell_alone_is_not_imminent(text: str, where: str) -> None:
    assert not classify(report(text, where_seen=where)).imminent_danger


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A crime imputed in a review, which the reporter says is false.
        (
            (
                "Sur Google Maps un avis dit que mon garage revend des pièces volées. "
                "Tout est faux, je n'ai jamais eu de problème."
            ),
            "website",
            "insult_defamation",
            (Category.INSULT_DEFAMATION,),
        ),
        # A seller of fakes named by what she does, priced by the piece.
        (
            (
                "Une vendeuse sur Leboncoin a des dizaines de parfums Chanel contrefaits "
                "à 20 euros pièce."
            ),
            "website",
            None,
            (Category.ILLICIT_TRAFFICKING,),
        ),
        # An order from a known retailer that has not come: a dispute.
        (
            "Commande faite sur Amazon il y a un mois, jamais reçue, je veux porter plainte",
            "unknown",
            "scam",
            (),
        ),
    ],
)
def test_defamation_denied_fakes_by_the_piece_and_an_order_not_delivered(
    text: str, where: str, hint: str | None, categories: tuple[Category, ...]
) -> None:
    decision = classify(report(text, where_seen=where, category_hint=hint))
    assert decision.categories == categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Violent words about winning a tournament.
        (
            "Un streamer crie « je vais tous les exploser ce soir » avant un tournoi Rocket League",
            "video",
            "threats_violence",
            (),
            False,
        ),
        # A challenge done last weekend, a live that was yesterday, "un jour": no time to come.
        (
            "Des élèves ont fait le défi du paracétamol ce week-end, un a été hospitalisé.",
            "unknown",
            "endangerment",
            (Category.ENDANGERMENT,),
            False,
        ),
        (
            "Un mec en live hier soir a dit qu'il allait égorger un prof un jour.",
            "video",
            "threats_violence",
            (Category.THREATS_VIOLENCE,),
            False,
        ),
        # A pun, and a recovery told with the prevention line.
        (
            "Un resto annonce son burger « un attentat aux papilles » 💣",
            "public_post",
            None,
            (),
            False,
        ),
        (
            (
                "Une influenceuse raconte sa dépression d'il y a 5 ans, comment elle s'en est "
                "sortie, et donne le 3114."
            ),
            "video",
            "endangerment",
            (),
            False,
        ),
        # Advertising for diet pills is spam.
        (
            "Je reçois chaque jour de la pub pour des pilules minceur et des casinos.",
            "email",
            "spam",
            (Category.SPAM,),
            False,
        ),
    ],
)
def test_tournaments_past_acts_puns_recoveries_and_diet_pills(
    text: str, where: str, hint: str | None, categories: tuple[Category, ...], imminent: bool
) -> None:
    decision = classify(report(text, where_seen=where, category_hint=hint))
    assert decision.categories == categories
    assert decision.imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # An animal name made an insult.
        (
            "Sous ma photo quelqu'un a écrit « sale truie » et « espèce de cafard ».",
            "public_comment",
            {Category.INSULT_DEFAMATION},
        ),
        # Called a terrorist after another insult: racism repeated, not terrorism.
        (
            (
                "Depuis septembre ils me traitent de sale noir et de terroriste dans le groupe "
                "de classe, je suis en 4e."
            ),
            "private_group",
            {Category.HATE, Category.CYBERHARASSMENT},
        ),
        # Mocked again in the group.
        (
            (
                "Dans le groupe ils se sont encore foutus de lui et il a écrit "
                "« adieu, ce soir c'est fini »."
            ),
            "private_group",
            {Category.ENDANGERMENT, Category.CYBERHARASSMENT},
        ),
        # A customer file of a bank sold.
        (
            "Un forum vend un fichier de 300 000 clients d'une banque avec leurs adresses.",
            "website",
            {Category.ILLICIT_TRAFFICKING},
        ),
        # Pictures taken behind someone's back, published day after day; pupils given marks.
        (
            "Un inconnu publie tous les jours des photos de moi prises à mon insu devant chez moi.",
            "public_post",
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Le compte TikTok anonyme @notes_3e publie des photos de collégiennes avec des "
                "notes de beauté."
            ),
            "public_post",
            {Category.CYBERHARASSMENT},
        ),
    ],
)
def test_insults_repeated_mockery_data_for_sale_and_pictures_taken_behind_backs(
    text: str, where: str, categories: set[Category]
) -> None:
    assert categories <= set(classify(report(text, where_seen=where)).categories)


def test_a_threat_to_put_a_video_on_a_site_is_not_a_public_post() -> None:
    text = (
        "Un type menace de mettre ma vidéo intime sur YouTube si je paie pas 500 euros, "
        "j'ai 40 ans."
    )
    decision = classify(report(text, where_seen="private_message", category_hint="scam"))
    assert decision.scope is Scope.PRIVATE


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # Letters hidden by stars: the listed word that fits, one letter a star first.
        ("every f*g should go", " every fag should go "),
        ("t'es une s*lope et une p*te", " t es une salope et une pute "),
        ("f***ing idiot", " fucking idiot "),
        # Stars around a word are emphasis; a star that hides no listed word separates.
        ("*URGENT* hôtel 5* ** fin", " urgent hotel 5 fin "),
    ],
)
def test_words_written_with_stars_are_read(written: str, read: str) -> None:
    assert load_vocabulary().normalise(written) == read


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("c de l'escroquerie non", "c de l'escroquerie non ?"),
        ("C'est limite, non", "C'est limite, non ?"),
        ("arnaque ou pas", "arnaque ou pas ?"),
        (
            "Il le menace au foot, c'est grave ou quoi",
            "Il le menace au foot, c'est grave ou quoi ?",
        ),
        ("Est-ce que c'est autorisé", "Est-ce que c'est autorisé ?"),
        (
            "Ça me choque, est-ce que vous pouvez la supprimer. Merci",
            "Ça me choque, est-ce que vous pouvez la supprimer ? Merci",
        ),
        ("Faut-il porter plainte", "Faut-il porter plainte ?"),
        ("ma fille a reçu ça on fait quoi", "ma fille a reçu ça on fait quoi ?"),
        ("c quoi ce compte", "c quoi ce compte ?"),
        ("Pourquoi ce compte est encore en ligne", "Pourquoi ce compte est encore en ligne ?"),
        ("comment on signale un compte", "comment on signale un compte ?"),
        ("Is this allowed", "Is this allowed ?"),
        ("what should I do", "what should I do ?"),
        (
            "They will post it, is that a crime or not",
            "They will post it, is that a crime or not ?",
        ),
    ],
)
def test_a_question_typed_without_its_mark_is_read_as_asked(typed: str, meant: str) -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.normalise(typed) == vocabulary.normalise(meant)


@pytest.mark.parametrize(
    "said",
    [
        "Il m'a demandé de l'argent, je lui ai dit non",
        "y a des gens qui m'insultent",
        "Comment on a public post: you are trash",
        "Il explique comment faire un cocktail molotov",
        "Une vidéo montre comment il a été frappé",
        "Son article « Pourquoi les religions sont un poison » me blesse",
        "He told his fans to do it again",
        "C'est pourquoi je vous écris",
    ],
)
def test_a_statement_is_not_read_as_a_question(said: str) -> None:
    assert " qmark " not in load_vocabulary().normalise(said)


@pytest.mark.parametrize(
    ("asked", "where"),
    [
        (
            (
                "Mon propriétaire m'écrit toutes les semaines pour le loyer. C'est du "
                "harcèlement et des menaces non"
            ),
            "email",
        ),
        (
            (
                "un mec vend son iPhone 14 sur leboncoin à 450€ c'est forcement volé ou une "
                "arnaque ou pas"
            ),
            "website",
        ),
    ],
)
def test_a_question_without_its_mark_is_decided_as_with_it(asked: str, where: str) -> None:
    """The reporter asks whether it is an offence, and nothing says it is: without the "?" too
    (each of these had a category before questions were read without their mark)."""
    for text in (asked, asked + " ?"):
        assert classify(report(text, where_seen=where)).categories == ()


@pytest.mark.parametrize(
    ("text", "categories", "imminent"),
    [
        # A farewell, then nobody answers: a suicide that may be under way.
        (
            (
                "mon frère a posté « c'est mon dernier jour, merci pour tout » et il a éteint son "
                "téléphone"
            ),
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "My sister posted 'sorry for everything' on her story and now her phone goes "
                "straight to voicemail."
            ),
            {Category.ENDANGERMENT},
            True,
        ),
        # A farewell letter an hour ago, the means bought.
        (
            (
                "un ami m'a envoyé une lettre d'adieu par mail il y a une heure, il dit qu'il a "
                "acheté une corde"
            ),
            {Category.ENDANGERMENT},
            True,
        ),
        # A last day at the office, and mails unanswered since.
        (
            (
                "mon collègue m'a dit que c'était son dernier jour au bureau et il répond plus aux "
                "mails"
            ),
            set(),
            False,
        ),
    ],
)
def test_a_farewell_then_silence_is_a_life_at_risk(
    text: str, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, "public_post", None, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        # A weapon held to one's own head or a blade to one's wrist, in a picture of oneself, a
        # selfie or a video: a life at risk, not a threat; with a farewell or a silence, now.
        (
            (
                "mon copain m'a envoyé une photo de lui avec un pistolet sur la tempe et il répond "
                "plus"
            ),
            "private_message",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "my brother sent a selfie with a gun to his head saying goodbye",
            "private_message",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "ma copine m'a envoyé une photo d'elle avec une lame sur le poignet et « ce soir "
                "c'est la fin »"
            ),
            "private_message",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "mon frère s'est filmé avec un couteau sous la gorge en disant qu'il va le faire "
                "ce soir, il l'a mis en story"
            ),
            "public_post",
            {Category.ENDANGERMENT},
            True,
        ),
        # Someone else held at gunpoint in a video is a threat; a robbery told in the past, in
        # the metro, is no online content; a rapper's staged clip is neither.
        (
            (
                "il m'a envoyé une vidéo où il met un pistolet sur la tempe de mon frère et dit "
                "que je suis la prochaine"
            ),
            "private_message",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "un mec m'a mis un couteau sous la gorge pour me voler mon téléphone dans le métro",
            "private_message",
            set(),
            False,
        ),
        (
            "un rappeur se braque une arme sur la tempe dans son clip, c'est de la mise en scène",
            "video",
            set(),
            False,
        ),
        # A child to be taken away by force is a threat (not one to life: not imminent, as a
        # beating announced is not); taking a child out of a school is no threat.
        (
            "mon ex menace par sms d'enlever notre fille à la sortie de l'école demain",
            "sms",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "il dit sur snap qu'il va kidnapper mon fils si je retire pas ma plainte",
            "private_message",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            (
                "mon ex veut enlever notre fille de son école pour la mettre dans le privé, il me "
                "l'a dit par sms"
            ),
            "sms",
            set(),
            False,
        ),
    ],
)
def test_a_weapon_held_to_oneself_is_a_life_at_risk_and_a_child_taken_away_a_threat(
    text: str, where: str, categories: set[Category], imminent: bool
) -> None:
    """docs/vocabularies.md, "Weapons held to oneself, children taken away or courted…"."""
    assert_decided(text, where, None, categories, imminent)


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # An adult courting a child (flirting, love letters, a meeting), or showing himself to
        # one; the child's age said after a relative clause, in English.
        (
            "un type de 25 ans drague ma fille de quatorze ans sur snapchat et veut la voir samedi",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "un homme de 40 ans envoie des messages d'amour à ma fille de 13 ans sur insta",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "ma fille (5ème) a reçu une vidéo d'un homme qui se touche sur instagram",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "a 30 year old man keeps flirting with my 12 year old daughter on discord",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "a 30 year old man keeps flirting with my daughter who is 12 on discord",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # A classmate courting her, a husband's love messages, a man touching his nose.
        ("un garçon de sa classe drague ma fille de 13 ans sur snap, c'est mignon", set()),
        ("mon mari m'envoie des messages d'amour tous les jours sur whatsapp", set()),
        ("ma fille de 10 ans regarde un youtubeur, un homme qui se touche le nez, beurk", set()),
    ],
)
def test_an_adult_courting_a_child_or_showing_himself_to_one_is_child_abuse(
    text: str, categories: set[Category]
) -> None:
    """docs/vocabularies.md, "Weapons held to oneself, children taken away or courted…"."""
    assert_decided(text, "private_message", None, categories)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # Written on someone's own page of a public network: the public side of a case the form
        # gives as an e-mail or an SMS. Written to the victim on a network: a message.
        (
            (
                "un collègue m'envoie des mails insultants et a aussi écrit sur le linkedin de la "
                "boîte que je suis une voleuse"
            ),
            "email",
            Scope.MIXED,
        ),
        (
            (
                "mon ex a écrit sur son facebook que je suis une mère indigne et une alcoolique, "
                "et il m'insulte par sms"
            ),
            "sms",
            Scope.MIXED,
        ),
        (
            "il m'a écrit sur insta pour me dire que j'étais une grosse conne",
            "private_message",
            Scope.PRIVATE,
        ),
    ],
)
def test_a_post_on_ones_own_page_is_the_public_side(text: str, where: str, scope: Scope) -> None:
    """docs/vocabularies.md, "Weapons held to oneself, children taken away or courted…"."""
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # The reporter or a relative threatened, said as such, or threats received.
        ("il me menace", "sms", {Category.THREATS_VIOLENCE}),
        (
            "ils ont menacé ma fille à la sortie du collège et lui écrivent sur snap",
            "private_message",
            {Category.THREATS_VIOLENCE},
        ),
        (
            "je reçois des mails de menace depuis une semaine",
            "email",
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
        ),
        (
            "ma fille qui passe le brevet cette année reçoit des menaces sur snap",
            "private_message",
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
        ),
        # Violence suffered, told in the present or the past.
        (
            "mon beau-père me frappe et ma mère ne dit rien, j'ai 14 ans",
            "unknown",
            {Category.THREATS_VIOLENCE},
        ),
        (
            "mon ex m'a giflée devant mes amis et maintenant il m'écrit des excuses",
            "sms",
            {Category.THREATS_VIOLENCE},
        ),
        # A threat of something lawful, of leaving or of a procedure; a threat or a blow denied
        # in spoken French, the pronoun inside the term.
        ("il me menace de me quitter si je sors avec mes amies", "sms", set()),
        ("mon propriétaire me menace d'une procédure d'expulsion par mail", "email", set()),
        ("un voisin me menace de porter plainte pour le bruit", "sms", set()),
        ("il me menace pas, il m'écrit juste qu'il m'aime", "sms", set()),
        ("il me frappe pas mais il lit tous mes messages", "sms", set()),
    ],
)
def test_a_threat_or_a_blow_the_reporter_suffers_is_a_threat(
    text: str, where: str, categories: set[Category]
) -> None:
    """docs/vocabularies.md, "Threats and blows suffered, beatings put online"."""
    assert_decided(text, where, None, categories)


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # A beating someone suffered, filmed and put online; one shown with no sharing told.
        (
            (
                "ils ont mis une vidéo de moi en train de me faire frapper dans les toilettes du "
                "collège sur tiktok"
            ),
            "video",
            {Category.CYBERHARASSMENT},
        ),
        (
            "my son got beaten up at school and they posted the video on tiktok",
            "video",
            {Category.CYBERHARASSMENT},
        ),
        (
            "une vidéo montre un homme qui se fait frapper par des policiers, c'est scandaleux",
            "video",
            set(),
        ),
        # The reporter passed off to ask friends for money is a scam; to insult them, harassment.
        (
            "un compte instagram se fait passer pour moi et demande de l'argent à mes amis",
            "public_post",
            {Category.SCAM},
        ),
        (
            "un compte se fait passer pour moi et publie des insultes sur mes amis",
            "public_post",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        # "Terroriste" thrown at a veiled woman sent back home is hate, no terrorism.
        (
            (
                "une vidéo virale d'un homme qui insulte une femme voilée dans le métro, "
                '"rentre chez toi terroriste"'
            ),
            "video",
            {Category.HATE},
        ),
        # A drug advertised is an incitement; sun cream advertised is advertising.
        (
            "une influenceuse fait la promo d'un protoxyde d'azote \"pour rigoler en soirée\"",
            "video",
            {Category.INCITEMENT_OFFENCES},
        ),
        ("une influenceuse fait la promo d'une crème solaire", "video", {Category.SPAM}),
        # Rumours published about the reporter.
        (
            "je suis en terminale et un compte anonyme publie des rumeurs sur moi",
            "public_post",
            {Category.INSULT_DEFAMATION},
        ),
        # Insulted, said in the passive, by hundreds of messages.
        (
            (
                "je suis insultée sur twitter depuis que j'ai donné mon avis sur un match, des "
                "centaines de messages"
            ),
            "public_comment",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_a_beating_put_online_a_double_after_money_and_a_drug_advertised(
    text: str, where: str, categories: set[Category]
) -> None:
    """docs/vocabularies.md, "Threats and blows suffered, beatings put online"."""
    assert_decided(text, where, None, categories)


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        # A relative beaten now, with a call for help; pills taken, the friend out of reach; a
        # building where people live to be set on fire tonight.
        (
            "le mec de ma soeur la frappe en ce moment, elle m'a envoyé un sms à l'aide",
            "sms",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "my roommate texted me he took a bunch of pills and i can't reach him",
            "sms",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "quelqu'un a écrit sur le groupe de la résidence qu'il va mettre le feu à "
                "l'immeuble cette nuit"
            ),
            "private_group",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # A goodbye letter posted, the person out of reach; a dare to eat detergent pods.
        (
            "my cousin posted a goodbye letter on facebook and isn't answering her phone",
            "public_post",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "a tiktok trend dares kids to eat detergent pods",
            "video",
            {Category.ENDANGERMENT},
            False,
        ),
        # Every post answered, with or without insults, and messages besides: harassment. The
        # size of a group is its audience, not its authors.
        (
            (
                "un compte twitter me harcèle en répondant à tous mes tweets et m'envoie des "
                "messages privés"
            ),
            "public_comment",
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "a guy keeps replying to all my tweets with insults and also dms me",
            "public_comment",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "dans le groupe whatsapp de 300 personnes du quartier il m'a traité de voleur",
            "private_group",
            {Category.INSULT_DEFAMATION},
            False,
        ),
    ],
)
def test_a_relative_beaten_now_pills_taken_and_every_post_answered(
    text: str, where: str, categories: set[Category], imminent: bool
) -> None:
    """docs/vocabularies.md, "Threats and blows suffered, beatings put online"."""
    assert_decided(text, where, None, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        # Violence under way, told with its time: threats_violence, imminent (in English too).
        (
            "my sister's boyfriend is beating her right now, she texted me for help",
            "sms",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "a guy is shooting at people at the mall right now, people are posting videos on "
                "twitter"
            ),
            "public_post",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # Beaten by someone, said in the passive, and put online.
        (
            "ma cousine se fait frapper par son copain et il la filme pour la mettre sur insta",
            "unknown",
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
            False,
        ),
        (
            "my ex sent me a text saying you won't see the weekend",
            "sms",
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # Sexual montages of a real person, in English or the verb first; a fake account of
        # someone, in English.
        (
            "someone is spreading a deepfake porn video of me on twitter",
            "public_post",
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "un mec a mis ma tête sur un corps de femme nue et l'a partagé sur twitter",
            "public_post",
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "people in my class made a fake tiktok of me posting embarrassing stuff",
            "video",
            {Category.CYBERHARASSMENT},
            False,
        ),
        # Pets sold too young or smuggled, doping products, a tutorial to forge papers.
        (
            "une page facebook vend des chiots de 4 semaines importés illégalement",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "this youtuber is selling steroids to teenagers",
            "video",
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "a tiktok account explains how to make fake doctor's notes to skip work",
            "video",
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        # A blackmail over a webcam's sexual pictures; an adult who wants to meet a child.
        (
            (
                "je reçois des mails de chantage disant qu'on m'a filmé par ma webcam en regardant "
                "du porno"
            ),
            "email",
            {Category.SCAM},
            False,
        ),
        (
            "un homme de 35 ans veut rencontrer ma fille de 12 ans, il lui écrit sur snap",
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        # Money offered to children for pictures; pictures asked of a child named by age; a
        # son's beating put on Snap ("ils l'ont mise sur snap").
        (
            "un mec de 25 ans propose de l'argent à des collégiennes sur snap pour des photos",
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "an adult on roblox asked my 9 year old for her address and photos",
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "mon fils s'est fait tabasser devant le collège et ils l'ont mise sur snap",
            "private_message",
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "mon patron m'a proposé de l'argent pour des photos de mes tableaux",
            "private_message",
            set(),
            False,
        ),
        # "Sans arrêt" denies nothing (spelling.toml); a fake payment link sent to a seller.
        (
            "on me propose sans arrêt des crédits par sms alors que j'ai rien demandé",
            "sms",
            {Category.SPAM},
            False,
        ),
        (
            "j'ai vendu mon canapé sur leboncoin, l'acheteur m'a envoyé un faux lien de paiement",
            "private_message",
            {Category.SCAM},
            False,
        ),
        (
            "il m'écrit sans arrêt mais sans aucune menace ni insulte, juste pour parler",
            "private_message",
            set(),
            False,
        ),
        # Look-alikes: a film, a game, a match, a sketch, news, a lawful breeder, a form, a joke.
        (
            "un film d'action sur netflix montre une bagarre au couteau très violente",
            "video",
            set(),
            False,
        ),
        (
            "dans fortnite mon fils tire sur des gens en ce moment et crie, c'est normal ?",
            "video",
            set(),
            False,
        ),
        (
            "le boxeur frappe son adversaire en direct sur canal+ en ce moment, quel match",
            "video",
            set(),
            False,
        ),
        (
            "le mec qui se fait frapper par son pote dans le sketch est trop drôle",
            "video",
            set(),
            False,
        ),
        (
            "un article de presse parle du trafic de stéroïdes dans les salles de sport",
            "website",
            set(),
            False,
        ),
        (
            "un éleveur vend des chiots de 10 semaines pucés et vaccinés sur son site",
            "website",
            set(),
            False,
        ),
        (
            "une vidéo explique comment remplir un arrêt maladie en ligne sur le site de la sécu",
            "video",
            set(),
            False,
        ),
        (
            "un mec a mis ma tête sur un corps de catcheur pour rigoler, c'est drôle",
            "public_post",
            set(),
            False,
        ),
    ],
)
def test_violence_under_way_a_deepfake_a_puppy_too_young_and_a_webcam_blackmail(
    text: str, where: str, categories: set[Category], imminent: bool
) -> None:
    """docs/vocabularies.md, "Terms read as reports are; violence under way, deepfakes, pets too
    young"."""
    assert_decided(text, where, None, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # Voice messages, a group chat it is shared in, messages or a link sent to relations:
        # private parts beside a public one.
        (
            (
                "elle a posté ma photo sur son compte public avec écrit « grosse vache » et ses "
                "potes me spamment de messages vocaux"
            ),
            "public_post",
            Scope.MIXED,
        ),
        (
            "mon ex a créé un faux profil facebook à mon nom et envoie des messages à ma famille",
            "public_post",
            Scope.MIXED,
        ),
        (
            (
                "someone made a public instagram page mocking my daughter (13) and her classmates "
                "share it in their group chat"
            ),
            "public_post",
            Scope.MIXED,
        ),
        (
            "my ex posted my nudes on an instagram account and sent the link to my friends",
            "public_post",
            Scope.MIXED,
        ),
        # A group chat where the post was talked about is no private part of the report.
        (
            "he posted a video calling me a liar, we talked about it in our group chat",
            "video",
            Scope.PUBLIC,
        ),
    ],
)
def test_voice_messages_a_group_chat_and_a_link_sent_to_friends_are_private_parts(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # A pyramid scheme, named or told: paid to join, "refunded" by recruiting others who pay.
        (
            (
                "On m'a proposé une formation à 250 euros, pour être remboursé il faut recruter "
                "trois personnes qui paient aussi."
            ),
            "public_post",
            {Category.SCAM},
        ),
        (
            (
                "Ma tante veut que j'entre dans son réseau de vente de parfums, franchement c'est "
                "une pyramide."
            ),
            "public_post",
            {Category.SCAM},
        ),
        ("La pyramide du Louvre est magnifique ce soir.", "public_post", set()),
        (
            "On doit recruter 3 personnes pour l'été au camping, envoyez vos CV.",
            "public_post",
            set(),
        ),
        # A forgery's template handed out; viewers told to try it at home (not "n'essayez pas").
        (
            (
                "Une chaîne YouTube donne un modèle de fausse ordonnance à télécharger pour avoir "
                "des médicaments."
            ),
            "video",
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            (
                "Vidéo YouTube « fabriquer une bombe artisanale avec des produits du "
                "supermarché », le youtubeur dit testez chez vous."
            ),
            "video",
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Un youtubeur montre une expérience de chimie et dit n'essayez pas chez vous.",
            "video",
            set(),
        ),
        # A recruiter for jihad asks for secrecy too: terrorism, not a sexual approach; a man who
        # asks a girl for it is one.
        (
            (
                "Un homme écrit à mon fils de 15 ans pour qu'il fasse la hijra et lui dit de ne "
                "rien dire à ses parents."
            ),
            "private_message",
            {Category.TERRORISM},
        ),
        (
            (
                "Un homme écrit à ma fille de 13 ans en privé et lui demande de ne rien dire à "
                "ses parents."
            ),
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # Women filmed under their skirts, a couple filmed during sex: intimate images put online.
        (
            (
                "Un site publie des vidéos filmées sous les jupes de passantes dans le RER, à "
                "leur insu."
            ),
            "website",
            {Category.CYBERHARASSMENT},
        ),
        (
            "Mon ex a mis en ligne une vidéo de nous pendant un rapport, sans mon accord.",
            "public_post",
            {Category.CYBERHARASSMENT},
        ),
        # An address read out on a stream; an audience counted in English is no crowd of authors.
        (
            "A streamer read out my home address on his live and told his chat to go visit me.",
            "video",
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "my ex posted in a Facebook group that I'm a thief and a liar, 500 people in that "
                "group know me"
            ),
            "public_group",
            {Category.INSULT_DEFAMATION},
        ),
        # "tlm jours" is "tous les jours", "sa fé" is "ça fait"; a family aimed at.
        (
            "un mec m'envoie des msg tlm jours pour m'insulter",
            "sms",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        (
            "sa fé 3 mois qu'il m'insulte par sms",
            "sms",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        (
            "Un compte publie tous les jours des moqueries pour pourrir une famille du village.",
            "public_post",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_pyramids_forgery_templates_a_recruiters_secrecy_and_pictures_taken_unseen(
    text: str, where: str, categories: set[Category]
) -> None:
    """docs/vocabularies.md, "Orders taken in private, pyramids, a recruiter's secrecy"."""
    assert_decided(text, where, None, categories)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # An ad that takes orders in private: the ad is public, no exchange is described.
        (
            (
                "Un compte Instagram public vend des faux sacs Gucci, les commandes se font par "
                "messages privés."
            ),
            "public_post",
            Scope.PUBLIC,
        ),
        (
            (
                "Sur un canal Telegram ouvert ils vendent de l'herbe et de la coke, faut leur "
                "écrire en privé pour commander."
            ),
            "public_group",
            Scope.PUBLIC,
        ),
        (
            (
                "Une vidéo TikTok vend une méthode pour frauder la CAF, la méthode complète en DM "
                "pour 40 €."
            ),
            "video",
            Scope.PUBLIC,
        ),
        (
            "public insta page selling weed and coke, whatsapp number to order",
            "public_post",
            Scope.PUBLIC,
        ),
        (
            "Dans un groupe Facebook public un type vend un fusil à pompe, sans papiers, en MP.",
            "public_group",
            Scope.PUBLIC,
        ),
        (
            (
                "sous les vidéos de ma fille de 11 ans un homme écrit viens me parler en privé ma "
                "belle"
            ),
            "public_comment",
            Scope.PUBLIC,
        ),
        # The exchange itself, told: a private part.
        (
            (
                "Dans un groupe Facebook public un type vend un fusil à pompe, il m'a écrit en MP "
                "pour me le proposer."
            ),
            "public_group",
            Scope.MIXED,
        ),
        ("il m'a écrit en privé pour me vendre de la coke", "private_message", Scope.PRIVATE),
    ],
)
def test_an_order_taken_in_private_is_no_private_part(text: str, where: str, scope: Scope) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # The reporter's own comment brought the private messages: it is no public part.
        (
            (
                "Après un commentaire que j'ai laissé sous une vidéo, un compte m'a écrit en privé "
                "pour me menacer."
            ),
            "public_comment",
            Scope.PRIVATE,
        ),
        (
            "un inconnu m'a insulté en DM juste parce que j'ai commenté une vidéo.",
            "public_comment",
            Scope.PRIVATE,
        ),
        (
            "Got a DM calling me a whore after I commented on his post.",
            "public_comment",
            Scope.PRIVATE,
        ),
        # Private messages told in English beside public posts: a private part.
        (
            "Classmates post videos mocking him and every night they send him Snapchat messages.",
            "video",
            Scope.MIXED,
        ),
        (
            "He posts TikToks calling me a dirty African and now strangers text me monkey emojis.",
            "video",
            Scope.MIXED,
        ),
        (
            "He posts videos calling me a liar and a thief, and he emailed me directly that day.",
            "video",
            Scope.MIXED,
        ),
        # Look-alikes: the answers came in public, or the invitation is an ad's.
        (
            (
                "I commented on her post and now her friends reply under every comment I make "
                "calling me a slut."
            ),
            "public_comment",
            Scope.PUBLIC,
        ),
        (
            (
                "j'ai commenté une vidéo et depuis ses fans m'insultent en commentaire sous toutes "
                "mes vidéos."
            ),
            "public_comment",
            Scope.PUBLIC,
        ),
        ("public page selling weed, message me privately for prices", "public_post", Scope.PUBLIC),
    ],
)
def test_the_reporters_own_comment_and_private_messages_told_in_english(
    text: str, where: str, scope: Scope
) -> None:
    """docs/vocabularies.md, "The reporter's own comment, private messages in English"."""
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        # Things to wreck, called for: incitement to an offence, no threat to a person, no danger
        # to life, with a time or without.
        (
            (
                "Des comptes TikTok écrivent « demain soir on brûle les bus et la mairie, pas de "
                "justice pas de paix »."
            ),
            "public_post",
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            "A guy on X tells people to loot the shops and burn the police cars tonight.",
            "public_post",
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            (
                "Dans un groupe Telegram ils disent « samedi cassez les vitrines et foutez le feu "
                "au commissariat »."
            ),
            "private_group",
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            (
                "Sur Snap un compte du quartier appelle tout le monde à cramer les bagnoles et "
                "piller les magasins ce soir après le match."
            ),
            "public_group",
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        # People inside, a person's own car with a stabbing, a place of worship, a bomb: threats.
        (
            "Un compte appelle à cramer le commissariat ce soir avec les keufs dedans.",
            "public_post",
            {Category.INCITEMENT_OFFENCES, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Mon voisin m'a écrit qu'il va brûler ma voiture et me planter ce soir.",
            "private_message",
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un compte appelle à cramer les mosquées de la ville ce soir.",
            "public_post",
            {Category.HATE, Category.INCITEMENT_OFFENCES, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Il a posté que demain il fait péter la mairie pendant le conseil municipal.",
            "public_post",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
    ],
)
def test_a_call_to_wreck_things_is_no_threat_to_a_person(
    text: str, where: str, categories: set[Category], imminent: bool
) -> None:
    """docs/vocabularies.md, "Things to wreck, called for"."""
    decision = classify(report(text, where_seen=where))
    assert set(decision.categories) == categories
    assert decision.imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "categories", "minor"),
    [
        # An adult blackmailed with her pictures, the box "pédophilie" ticked: a scam (§3.1), her
        # age as she states it; long enough for the second reading to weigh it.
        (
            (
                "A guy I matched with on Tinder has my nudes and says he will send them to my "
                "boss and my parents unless I pay him 250 euros by tonight. I am 23 years old "
                "and I feel sick, please help me."
            ),
            {Category.SCAM},
            False,
        ),
        (
            (
                "jai 19 ans un mec sur snap a des nudes de moi et il veut 150 euros sinon il les "
                "poste sur insta et les envoie a ma classe de bts, il m'ecrit tout le temps "
                "depuis un faux compte jsp quoi faire"
            ),
            {Category.SCAM, Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Un homme rencontré sur une appli de rencontre a des photos intimes de moi et me "
                "demande 300 euros sinon il les envoie à toute ma famille et à mes collègues. "
                "J'ai 24 ans et je ne sais plus quoi faire, aidez moi svp."
            ),
            {Category.SCAM},
            False,
        ),
        # A girl of 14: child sexual abuse alone.
        (
            (
                "Ma fille de 14 ans a envoyé des photos à un garçon rencontré sur snap, "
                "maintenant il menace de les publier sur son compte si elle ne lui envoie pas "
                "d'autres vidéos, elle est terrorisée et ne va plus au collège."
            ),
            {Category.CHILD_SEXUAL_ABUSE},
            True,
        ),
    ],
)
def test_an_adult_blackmailed_with_her_pictures_is_no_child_abuse_whatever_the_box(
    text: str, categories: set[Category], minor: bool
) -> None:
    """docs/vocabularies.md, "An adult's blackmail is no child sexual abuse"."""
    decision = classify(
        report(text, where_seen="private_message", category_hint=Category.CHILD_SEXUAL_ABUSE)
    )
    assert set(decision.categories) == categories
    assert decision.victim_minor is minor


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # Forged papers named before or after the word that says so; a licence without the exam.
        (
            "un mec vend des cartes d'identité et des permis de conduire faux, prix en story",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "un site propose des diplômes falsifiés et des fiches de paie, 300 euros",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "un compte vend des permis de conduire sans passer l'examen, 800 euros",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Un reportage montre comment la police a démantelé un réseau de faux papiers",
            "website",
            set(),
        ),
        # Children paid for pictures, the means of payment between the offer and the pictures.
        (
            (
                "un adulte propose à des ados de 13-14 ans sur discord de les payer en robux pour "
                "des photos"
            ),
            "private_group",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "A man on Roblox offered to pay her in gift cards for pictures, she is 12.",
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "Mon fils de 12 ans a payé 20 euros pour des photos dédicacées de son joueur préféré.",
            "website",
            set(),
        ),
        # A grown man who wants to see a girl alone ("la voir seule": the feminine was missed).
        (
            (
                "ma nièce, élève de seconde, reçoit des messages d'un homme de 30 ans qui veut la "
                "voir seule"
            ),
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # Police or a crowd to be run down.
        (
            "un groupe facebook appelle à foncer sur les flics s'ils arrivent au rodéo",
            "public_group",
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Someone in the comments says people should just run over the protesters blocking "
                "the road."
            ),
            "public_comment",
            {Category.THREATS_VIOLENCE},
        ),
        # SMS spelling of how long and how often ("depui 1 mois", "tt lé jour").
        (
            "slt jsui harcelé par 1 mec ki m envoi dé msg tt lé jour sur snap depui 1 mois jpp",
            "private_message",
            {Category.CYBERHARASSMENT},
        ),
        # A household called again and again; a chat raided every time the victim streams.
        (
            (
                "On reçoit des appels anonymes la nuit depuis 3 semaines, personne ne parle, ça "
                "raccroche."
            ),
            "unknown",
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "They keep raiding my twitch chat with racist insults every time I go live, it's "
                "been a week."
            ),
            "video",
            {Category.HATE, Category.CYBERHARASSMENT},
        ),
        # Told in English: where the victim lives, again and again; a faith called terrorists;
        # stolen cards and fake glasses sold; days without food dared; a stalker everywhere.
        (
            (
                "some guy on instagram keeps sending me messages saying he knows where I live and "
                "that I should watch my back"
            ),
            "private_message",
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
        ),
        (
            "A youtuber said in his video that all muslims are terrorists and should be deported",
            "video",
            {Category.HATE},
        ),
        (
            "there's a telegram channel selling stolen credit card numbers and paypal accounts",
            "website",
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "This account keeps posting ads for fake Ray-Ban sunglasses at 90% off",
            "public_post",
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            (
                "A streamer is doing a challenge where he doesn't eat for 7 days and tells his "
                "viewers to try it"
            ),
            "video",
            {Category.ENDANGERMENT},
        ),
        (
            "my ex is tracking my phone and shows up wherever I go, he messages me where I am",
            "private_message",
            {Category.CYBERHARASSMENT},
        ),
        (
            "My grandma is in hospital and has not been eating for two days, I'm worried",
            "sms",
            set(),
        ),
        # Girls ranked by looks, passed round a class; a dare to jump in front of cars; a
        # ranking that is a competition's.
        (
            (
                "un groupe d'élèves a fait une liste des « filles les plus moches du collège » sur "
                "snap et ça circule"
            ),
            "private_group",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        (
            "des ados font le défi de se jeter devant les voitures et le postent sur tiktok",
            "video",
            {Category.ENDANGERMENT},
        ),
        (
            "Le classement des élèves au concours a été publié sur le site du lycée",
            "website",
            set(),
        ),
    ],
)
def test_families_found_by_writing_reports_as_people_tell_them(
    text: str, where: str, categories: set[Category]
) -> None:
    """Reports written the way people tell these cases (docs/vocabularies.md, "Farewells then
    silence…"), each family with a look-alike that is no offence."""
    assert_decided(text, where, None, categories)


def test_a_slur_written_with_stars_is_hate() -> None:
    text = "Sous la vidéo de la Pride quelqu'un a écrit « sales p*des, on va vous cramer »."
    categories = classify(report(text, where_seen="public_comment")).categories
    assert Category.HATE in categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "category", "imminent"),
    [
        # When a call came, next week, a score, a danger over, a beating: not imminent. Blood
        # announced at a named school, a farewell for tonight, a rifle taken minutes ago: imminent.
        (
            "Mon ex m'a appelé aujourd'hui à 9h pour dire qu'il allait me tuer si je témoigne.",
            "sms",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            False,
        ),
        (
            "Un élève m'a écrit que mardi prochain il va me planter à la sortie.",
            "private_message",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            False,
        ),
        (
            "Mon cousin a posté « dimanche on va les massacrer, on leur met 4-0 » avant le derby.",
            "public_post",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            False,
        ),
        (
            "Un compte a écrit « vendredi y aura du sang au lycée Victor Hugo ».",
            "public_post",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            True,
        ),
        (
            "URGENT ma fille a avalé des cachets cette nuit, elle est hors de danger maintenant.",
            "public_post",
            "endangerment",
            Category.ENDANGERMENT,
            False,
        ),
        (
            "Ma cousine vient de poster « ce soir je m'en vais, pardon maman ».",
            "public_post",
            "endangerment",
            Category.ENDANGERMENT,
            True,
        ),
        (
            "Mon voisin m'a écrit il y a 5 min « je prends le fusil je viens te tuer ».",
            "sms",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            True,
        ),
        (
            "un mec de 4e m'a écrit qu'il allait me défoncer à la récré demain",
            "sms",
            "threats_violence",
            Category.THREATS_VIOLENCE,
            False,
        ),
    ],
)
def test_imminence_told_in_other_words(
    text: str, where: str, hint: str, category: Category, imminent: bool
) -> None:
    decision = classify(report(text, where_seen=where, category_hint=hint))
    assert category in decision.categories
    assert decision.imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A player who names the child's school means the real world.
        (
            (
                "Sur un serveur Minecraft un joueur a écrit à ma fille « je vais te buter, "
                "je connais ton collège »."
            ),
            "public_group",
            "threats_violence",
            {Category.THREATS_VIOLENCE},
        ),
        # A caveman is no origin; said to someone's face, "t grave moche" insults.
        (
            "Sous ma vidéo un mec a écrit « gros con de facho, retourne dans ta grotte ».",
            "video",
            "hate",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "un mec de ma classe m'a écrit « t grave moche va te cacher »",
            "private_message",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        # A fake account that calls someone an escort: harassment, whatever box was ticked.
        (
            (
                "Someone made a fake account with my name describing me as a cheap escort and "
                "messages my colleagues."
            ),
            "public_post",
            "scam",
            {Category.CYBERHARASSMENT},
        ),
        # Called a crook by name is defamation, not a scam; exasperation and screen time are
        # nothing illicit.
        (
            (
                "Un blog me désigne nommément comme un « escroc » et un « charlatan », je suis "
                "naturopathe."
            ),
            "website",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "un compte humour a écrit « je vais tuer quelqu'un si on me réveille encore "
                "avec le souffleur de feuilles »"
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            (
                "Mon fils passe 5h sur TikTok, l'algorithme est dangereux pour les jeunes, faites "
                "quelque chose."
            ),
            "video",
            "endangerment",
            set(),
        ),
    ],
)
def test_real_world_threats_cavemen_escorts_crooks_and_exasperation(
    text: str, where: str, hint: str, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "scope"),
    [
        # A bomb to be laid on a day, to avenge "brothers".
        (
            (
                "Un mec sur un forum dit qu'il va poser une bombe dimanche à la gare de Lyon pour "
                "venger ses frères."
            ),
            "website",
            "terrorism",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            Scope.PUBLIC,
        ),
        # Charged twice by a known company; "an ecological scam" is an opinion.
        (
            "La FNAC m'a débité deux fois ma commande et ne répond pas.",
            "website",
            "scam",
            set(),
            Scope.PUBLIC,
        ),
        # Called a paedophile among other things: the accusation, not child abuse.
        (
            "Ma belle-sœur a écrit sur Facebook que je suis un menteur et un pédophile, faux.",
            "public_post",
            "child_sexual_abuse",
            {Category.INSULT_DEFAMATION},
            Scope.PUBLIC,
        ),
        # A boy of 14 blackmailed by a fake account: child abuse, in private messages.
        (
            (
                "je suis un mec de 14 ans, un faux compte m'a demandé des photos et maintenant il "
                "veut 100€ sinon il les envoie à ma classe"
            ),
            "private_message",
            "scam",
            {Category.CHILD_SEXUAL_ABUSE},
            Scope.PRIVATE,
        ),
        # An adult blackmailed with a video to be put on Facebook, no sum named.
        (
            (
                "Un homme m'écrit qu'il a la vidéo et qu'il la mettra sur Facebook si je ne paie "
                "pas, j'ai 50 ans."
            ),
            "private_message",
            "scam",
            {Category.SCAM},
            Scope.PRIVATE,
        ),
        # Comments are public, a Twitch chat too; a request for pictures "en privé" is no
        # private part.
        (
            "des dizaines de comptes m'insultent en comm et en mp depuis ma vidéo.",
            "video",
            "insult_defamation",
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            Scope.MIXED,
        ),
        (
            (
                "Un profil commente les photos de nos gymnastes de 8 ans avec des remarques "
                "sexuelles et demande des photos en privé."
            ),
            "public_comment",
            "child_sexual_abuse",
            {Category.CHILD_SEXUAL_ABUSE},
            Scope.PUBLIC,
        ),
        # Advertising mails for viagra are spam.
        (
            "Tous les jours des mails de pub pour du viagra pas cher.",
            "email",
            "spam",
            {Category.SPAM},
            Scope.PRIVATE,
        ),
        # Called a thief and a crook in reviews: defamation, not a scam.
        (
            "Un concurrent me traite de voleur et d'escroc dans ses avis Google.",
            "public_comment",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
            Scope.PUBLIC,
        ),
        # English ages, and nudes made with an app.
        (
            (
                "we're both 14 and some boys made fake nudes of us with an app and share them in a "
                "private server"
            ),
            "private_group",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            Scope.PRIVATE,
        ),
    ],
)
def test_bombs_disputes_accusations_blackmail_comments_and_ages(
    text: str, where: str, hint: str | None, categories: set[Category], scope: Scope
) -> None:
    decision = classify(report(text, where_seen=where, category_hint=hint))
    assert set(decision.categories) == categories
    assert decision.scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A beating told in the present under a condition; tyres are no one's life.
        (
            (
                "mon voisin m'écrit que si je me gare encore là il me casse la gueule et il crève "
                "mes pneus"
            ),
            "sms",
            "insult_defamation",
            {Category.THREATS_VIOLENCE},
        ),
        # Knives posted with someone's name, for two weeks.
        (
            "Mon ex poste en story des photos de couteaux avec mon prénom depuis deux semaines.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
        ),
        # Lyrics; a threat said laughing; an exam "murdered"; whoever took the parking spot.
        (
            "Le dernier son de ce rappeur c'est que des paroles genre « je les allume tous ».",
            "video",
            "threats_violence",
            set(),
        ),
        (
            "Un copain a écrit dans le groupe « si tu manges encore mes chips je te tue 😂😂 ».",
            "private_group",
            "threats_violence",
            set(),
        ),
        (
            "gonna absolutely murder this maths exam tomorrow lol",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            (
                "My boss wrote in the team chat he will murder whoever took his parking spot, "
                "obviously a joke."
            ),
            "private_group",
            "threats_violence",
            set(),
        ),
        # Crimes imputed in a review that the reporter denies.
        (
            (
                "Un avis Google dit que mon garage trafique les compteurs et vole les petits "
                "vieux, c'est faux."
            ),
            "public_comment",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Un ancien salarié a laissé un avis Google disant que je vole les salaires et fais "
                "travailler au noir, c'est faux."
            ),
            "website",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # Misinformation is not incitement.
        (
            "Un youtubeur dit que la Terre est plate, c'est de la désinformation.",
            "video",
            "incitement_offences",
            set(),
        ),
    ],
)
def test_beatings_knives_lyrics_laughter_reviews_and_misinformation(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    "text",
    [
        # Where the body will end up; the weapon into someone; a score settled with a gun.
        "Mon ex m'écrit que je finirai dans un fossé et que personne ne me retrouvera.",
        "He texted me that I'll end up at the bottom of the lake.",
        "Sur le groupe du quartier il a écrit que si je recommence il me met une balle.",
        "Un élève a écrit sous ma photo « un jour je lui tranche la gorge ».",
        "Le voisin dit qu'il va régler ça au fusil si le chien aboie encore.",
        # A bounty; deserving to be stabbed; coming for someone.
        "Une chaîne Telegram promet 300 euros pour celui qui le tabasse.",
        "Someone keeps replying that my sister deserves to get stabbed.",
        "This guy says he knows where I live and he's gonna come for me.",
        # Veiled: an accident soon happens; a house with a target drawn on it.
        "Après mon refus il m'a répondu qu'un accident est vite arrivé.",
        "Il a posté une photo de ma maison avec une cible rouge et écrit « bientôt ».",
        # Groups to be beaten or burnt.
        "Un compte écrit que les femmes doivent être frappées pour apprendre.",
        "Des commentaires disent « les juifs au four » sous la vidéo.",
        "Un canal appelle à continuer la chasse aux pd dans la région.",
        "Ils veulent brûler les caravanes du campement derrière le stade.",
    ],
)
def test_threats_without_the_ticked_box(text: str) -> None:
    assert Category.THREATS_VIOLENCE in classify(report(text, where_seen="public_post")).categories


def test_a_page_named_of_yesterday_and_today_gives_no_time() -> None:
    text = (
        "Sur la page « Mornant d'hier et d'aujourd'hui » un habitant a écrit que si le maire "
        "passe dans sa rue il lui met une balle."
    )
    decision = classify(report(text, where_seen="public_post"))
    assert Category.THREATS_VIOLENCE in decision.categories
    assert not decision.imminent_danger


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # The reporter's verdict alone, on an opinion, a criticism or a bad review: no hate.
        (
            (
                "Un élu a écrit qu'il faut réduire l'immigration de moitié. C'est raciste, "
                "supprimez son compte."
            ),
            "public_post",
            set(),
        ),
        (
            "Un blog dit que le voile opprime les femmes, pour moi c'est de l'islamophobie.",
            "website",
            set(),
        ),
        # Slurs quoted to condemn them.
        (
            (
                "Une association poste les messages racistes reçus par des gens pour les dénoncer, "
                "avec des mots comme bougnoule."
            ),
            "public_post",
            set(),
        ),
        # A job refused to a protected group; a murderer praised for "doing his duty".
        (
            (
                "Une annonce d'emploi à Lyon précise « pas de personnes de couleur ni de femmes "
                "voilées »."
            ),
            "website",
            {Category.HATE},
        ),
        (
            "Un prêcheur dit que l'assassin de Samuel Paty a accompli son devoir.",
            "video",
            {Category.TERRORISM},
        ),
        # A group called paedophiles is no child abuse; a government of thieves is politics.
        (
            "Une vidéo dit que les cathos c'est tous des pédos et qu'il faut brûler les églises.",
            "video",
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        ("MACRON DEMISSION, ce gouvernement de voleurs et d'incapables !", "public_post", set()),
        # Looks mocked; a refund fraud taught; a customer file sold.
        (
            "Un influenceur m'a filmée dans la rue en disant « on dirait une clocharde ».",
            "video",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Une vidéo explique pas à pas la fraude au remboursement chez les e-commerçants.",
            "video",
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Un forum vend une base clients d'une mutuelle pour 2000 dollars.",
            "website",
            {Category.ILLICIT_TRAFFICKING},
        ),
    ],
)
def test_verdicts_quotes_discrimination_duty_politics_looks_and_fraud(
    text: str, where: str, categories: set[Category]
) -> None:
    assert set(classify(report(text, where_seen=where)).categories) == categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "destinations"),
    [
        # "C'est pas public": the text wins over the ticked public post.
        (
            (
                "c pas public c en privé sur snap, un ancien collègue m'envoie des insultes "
                "tous les jours"
            ),
            "public_post",
            "insult_defamation",
            {Destination.LAW_ENFORCEMENT_UNASSIGNED},
        ),
        # A public ad, then SMS: both sides.
        (
            (
                "Annonce leboncoin pour un chiot, le vendeur m'écrit par SMS de payer en coupons "
                "Transcash."
            ),
            "website",
            "scam",
            {Destination.ANALYSTS, Destination.THESEE},
        ),
        # A video call is private, whatever box was ticked.
        (
            (
                "Une fille m'a ajouté, on a fait un appel vidéo, maintenant un mec veut 500 € "
                "sinon il envoie la vidéo à ma femme, j'ai 45 ans."
            ),
            "public_post",
            "scam",
            {Destination.THESEE},
        ),
        # Late delivery; a licensed gun shop; a fake gendarme's "terrorists" are his pretext.
        (
            "commandé des chaussures sur un site, arrivées avec 3 semaines de retard, c'est du vol",
            "website",
            "scam",
            {Destination.CLOSED},
        ),
        (
            (
                "Une armurerie vend en ligne des fusils de chasse sur présentation du permis de "
                "chasser."
            ),
            "website",
            "illicit_trafficking",
            {Destination.CLOSED},
        ),
        (
            (
                "Un faux gendarme m'a appelé pour dire que mon compte est utilisé par des "
                "terroristes et qu'il faut virer mon épargne."
            ),
            "sms",
            None,
            {Destination.THESEE},
        ),
        # A locked screen with a number to call; a "CEO" who wants an urgent transfer.
        (
            (
                "Une page s'ouvre en plein écran « Windows bloqué, virus détecté, appelez le "
                "support Microsoft » avec un numéro."
            ),
            "website",
            None,
            {Destination.ANALYSTS},
        ),
        (
            (
                "Notre comptable a reçu un mail du PDG demandant un virement urgent et "
                "confidentiel vers Hong Kong."
            ),
            "email",
            None,
            {Destination.THESEE},
        ),
        # The victims' own mosque, no time: a threat, not an attack announced with a place.
        (
            (
                "La mosquée a reçu un mail : « on va brûler votre mosquée avec vous dedans, sales "
                "musulmans »."
            ),
            "email",
            "hate",
            {Destination.LAW_ENFORCEMENT_UNASSIGNED},
        ),
    ],
)
def test_channels_said_in_words_disputes_gun_shops_pretexts_and_own_places(
    text: str, where: str, hint: str | None, destinations: set[Destination]
) -> None:
    got = run(report(text, where_seen=where, category_hint=hint))
    assert set(got.destinations) == destinations


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A pet "terroriste"; an accusation of preparing an attack is defamation's business.
        (
            (
                "Ma fille a écrit sur Facebook que son chat est un vrai terroriste qui a tout fait "
                "sauter dans la cuisine."
            ),
            "public_post",
            "terrorism",
            set(),
            False,
        ),
        (
            (
                "Une voisine a écrit sur le groupe de la commune que mon mari prépare un attentat "
                "parce qu'il a reçu des engrais, c'est faux."
            ),
            "public_group",
            "insult_defamation",
            set(),
            False,
        ),
        # "Contre-nature" said of two men, by hundreds: hate, and a raid on the couple.
        (
            (
                "Sous la vidéo de notre mariage (deux hommes) des centaines de commentaires nous "
                "traitent de dégénérés contre-nature."
            ),
            "public_comment",
            "hate",
            {Category.HATE, Category.CYBERHARASSMENT},
            False,
        ),
        # A countdown of days to a "départ définitif"; the family taken along this weekend.
        (
            (
                "Un compte poste « plus que 3 jours avant mon départ définitif » avec une photo du "
                "viaduc."
            ),
            "public_post",
            "endangerment",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Il a posté « ce week-end je nous emmène tous avec moi, les petits aussi ».",
            "public_post",
            "threats_violence",
            {Category.THREATS_VIOLENCE, Category.ENDANGERMENT},
            True,
        ),
        # A lethal slimming drug sold; "totalement faux"; a fan's joke; a psychiatrist's video.
        (
            "Un canal vend du DNP pour maigrir vite, vendeur contactable en DM.",
            "public_group",
            "illicit_trafficking",
            {Category.ENDANGERMENT, Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "Un avis Google dit que le patron frappe ses employés. Totalement faux.",
            "website",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "un mec a tweeté « si le PSG perd encore je me pends 😂 »",
            "public_post",
            "endangerment",
            set(),
            False,
        ),
        (
            "Une vidéo d'un psychiatre qui parle du suicide chez les jeunes et donne le 3114.",
            "video",
            "endangerment",
            set(),
            False,
        ),
    ],
)
def test_pets_accusations_countdowns_families_and_prevention(
    text: str, where: str, hint: str, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # English threats: not leaving alive, "or you get hurt", a city made to bleed.
        (
            "The host replied under my review: come back and you will not leave alive.",
            "public_comment",
            "insult_defamation",
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "An account posted that the soldiers of the caliphate will make Paris bleed on "
                "Saturday."
            ),
            "public_post",
            "terrorism",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # An address and IP shown live with a call to swat: harassment of a minor too.
        (
            "A streamer showed my address and IP live and told his chat to go swat me, I'm 17.",
            "video",
            "threats_violence",
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
        ),
        # A video "mise sur un site porno"; boats of migrants to be sunk.
        (
            "Une vidéo de moi au lit avec mon ex a été mise sur un site porno avec mon nom.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Sous l'article sur le naufrage : « faudrait couler tous les bateaux de migrants, "
                "qu'ils crèvent tous »."
            ),
            "public_comment",
            "insult_defamation",
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        # Contact the reporter says is not hostile; a parcel marked "absent".
        (
            (
                "Mon ex m'écrit deux fois par semaine pour savoir comment je vais, il est pas "
                "agressif, c'est du harcèlement ?"
            ),
            "sms",
            None,
            set(),
        ),
        (
            "Colis Chronopost jamais livré, le livreur a marqué absent alors que j'étais là.",
            "website",
            "scam",
            set(),
        ),
    ],
)
def test_english_threats_doxxing_live_videos_put_online_and_contact_not_hostile(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # An attack announced with its day: terrorism and a threat, whether the place is named
        # before or after ("ça va exploser", "on la fait sauter"), or a massacre "2.0" promised.
        (
            "« dimanche à la gare de Lille ça va sauter, inch'Allah » posté par un compte anonyme",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        (
            "Reçu par mail : « votre mosquée on la fait sauter vendredi ».",
            "email",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        (
            "A user says next week's concert will be a Bataclan 2.0 and shows his rifle.",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # The first one met, the victim's family, the passive in English, petrol for a camp.
        (
            "Il a écrit sous le match : « je poignarde le premier arbitre que je croise ».",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Un inconnu écrit à mon fils que s'il parle, il tuera sa mère.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Someone commented that our head teacher is getting shot on Monday.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "« ce soir on va chez les gitans du terrain vague avec des jerricans d'essence »",
            "public_post",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        # Meeting again as the condition of a threat ("s'il me recroise").
        (
            "Mon voisin a dit devant tout le monde que s'il me recroise il me bute.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # A violent video held up as an example; another beating promised.
        (
            "Vidéo d'un chauffeur de bus tabassé, légende : faites pareil à tous les contrôleurs.",
            "video",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # Goods burnt in a riot, a contest of burnt cars, windows to smash: incitement, not a
        # threat to anyone's life.
        (
            "Un compte appelle : « demain soir on crame les voitures, sortez les mortiers »",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Sur une page, ils font un classement des voitures cramées par cité pour le 31.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # A refund obtained by lying, taught; a recruitment for a deal spot.
        (
            (
                "Vidéo qui montre comment se faire rembourser ses commandes en prétendant qu'elles "
                "sont arrivées vides."
            ),
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Story : on recrute des guetteurs pour le point de la cité, 100 par jour.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES, Category.ILLICIT_TRAFFICKING},
        ),
        # A drug ad's emoji menu.
        (
            "Je reçois des SMS « 🍁❄️ dispo, livraison discrète sur Lyon » je connais pas le numéro",
            "sms",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        # Self-harm demanded of a child, day after day: harassment and danger.
        (
            (
                "Un garçon écrit tous les jours à ma fille de 13 ans qu'elle doit se scarifier "
                "pour lui prouver son amour."
            ),
            "private_message",
            None,
            {Category.ENDANGERMENT, Category.CYBERHARASSMENT},
        ),
        # A fake shop by its marks; a fake police summons accusing of child abuse.
        (
            (
                "Le site vend des vélos électriques à -60 %, paiement par virement uniquement, et "
                "le site a disparu depuis."
            ),
            "website",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Un courriel de la police m'accuse de détention de pédopornographie et me demande "
                "de payer une amende."
            ),
            "email",
            None,
            {Category.SCAM},
        ),
        # Eating less as a contest, in English.
        (
            "On this server the girls share tips on restricting food and post who eats the least.",
            "public_group",
            None,
            {Category.ENDANGERMENT},
        ),
    ],
)
def test_attacks_with_a_day_riots_deal_spots_emoji_menus_and_fake_shops(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        # Praise in violent slang; a triumph promised at a meeting; hyperbole about whoever comes
        # next; drill clips; a game character; prevention content; a strike; harm reduction; a
        # parcel lost by the carrier; "nobody insults him".
        ("Cette chanteuse a tué le game avec son album, une tuerie ce son.", "public_post", None),
        (
            "Demain on va faire un carnage à la présentation client 💪",
            "public_post",
            "threats_violence",
        ),
        ("Je vais tuer le prochain qui me demande mon code wifi 😤", "public_post", None),
        (
            "Un clip de rap où ils brandissent des armes, ça passe en boucle à la radio.",
            "video",
            None,
        ),
        (
            "Il a écrit qu'il allait se suicider ce soir, il parlait de son perso dans le jeu.",
            "public_group",
            "endangerment",
        ),
        (
            (
                "Une page de prévention parle du suicide des jeunes avec le numéro 3114. Retirez "
                "ce contenu sur le suicide."
            ),
            "public_post",
            "endangerment",
        ),
        (
            "Un syndicat appelle à la grève générale et à manifester devant la mairie jeudi.",
            "public_post",
            "incitement_offences",
        ),
        (
            "Une association explique comment consommer à moindres risques la MDMA en festival.",
            "public_post",
            "incitement_offences",
        ),
        (
            "Le colis a été perdu par le transporteur et le service client ne répond plus.",
            "website",
            "scam",
        ),
        ("Ils l'ont tous bloqué, personne l'insulte mais il est tout seul.", "private_group", None),
    ],
)
def test_slang_praise_drill_clips_prevention_strikes_and_lost_parcels_are_nothing(
    text: str, where: str, hint: str | None
) -> None:
    assert categories_of(text, where, hint) == set()


@pytest.mark.parametrize(
    ("text", "where", "imminent"),
    [
        # A day and a place named, or "in 2 days": imminent; a date the reporter says was never
        # given, "maintenant" as the turn of a story, a beating: not.
        ("Un compte annonce un attentat au défilé ce samedi.", "public_post", True),
        (
            "He posted that the mosque will be a Christchurch 2.0, the attack is in 2 days.",
            "public_group",
            True,
        ),
        ("Il m'écrit à 3h du matin qu'il va me tuer, il n'a jamais donné de date.", "sms", False),
        ("Au début il m'insultait, maintenant il dit qu'il va me buter.", "sms", False),
        (
            "Dans les commentaires ils disent qu'elle va se faire frapper demain.",
            "public_comment",
            False,
        ),
    ],
)
def test_days_announced_undated_threats_and_now_as_a_turn(
    text: str, where: str, imminent: bool
) -> None:
    assert classify(report(text, where_seen=where)).imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # A blackmail is written to its victim; a class's group chat is private; a Snapchat story
        # is public; where two people met is no content; a streamer's chat is public.
        (
            (
                "Mon frère de 16 ans a envoyé une vidéo intime, on lui demande 300 € sinon elle "
                "part à tous ses amis."
            ),
            "public_post",
            Scope.PRIVATE,
        ),
        (
            "Il a posté la menace en story publique puis dans le groupe de la classe.",
            "public_post",
            Scope.MIXED,
        ),
        (
            "Il met son menu de beuh en story snap, tout le monde voit.",
            "private_message",
            Scope.PUBLIC,
        ),
        (
            "Un homme rencontré sur TikTok écrit à ma fille des messages sexuels.",
            "private_message",
            Scope.PRIVATE,
        ),
        (
            "They spammed insults in my Twitch chat during my stream, then in my DMs.",
            "video",
            Scope.MIXED,
        ),
        (
            "Elle a lu ses conversations Snapchat privées avec un recruteur.",
            "public_post",
            Scope.PRIVATE,
        ),
    ],
)
def test_blackmails_class_chats_stories_and_streams_in_scope(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


def test_a_threat_relayed_by_a_crowd_is_not_harassment_but_a_crowd_joining_in_is() -> None:
    relayed = (
        "Un élève a posté qu'il va poignarder mon fils demain, tout le monde rigole et partage."
    )
    joining = "Un élève écrit à mon fils qu'il va le planter, plusieurs élèves en rajoutent."
    assert Category.CYBERHARASSMENT not in categories_of(relayed, "public_post")
    assert Category.CYBERHARASSMENT in categories_of(joining, "private_group")


def test_weak_evidence_and_the_ticked_box_weigh_no_less_than_the_box_alone() -> None:
    silent = categories_of("Regardez ce site.", "website", "scam")
    weak = categories_of("Ce site me demande mes coordonnées bancaires.", "website", "scam")
    assert silent == weak == {Category.SCAM}


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A blackmail of a minor with a picture the victim sent herself: abuse, no harassment.
        (
            (
                "Ma nièce de 15 ans a envoyé une photo d'elle nue à un faux profil, maintenant on "
                "exige 150 € sinon tout part à son collège."
            ),
            "public_post",
            "scam",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # A damaged delivery and a refused return; a fake profile asking friends for money.
        (
            "Commande reçue avec l'écran fêlé, le vendeur refuse le retour, c'est une arnaque.",
            "website",
            "scam",
            set(),
        ),
        (
            (
                "Un faux profil de moi demande à mes amis de lui envoyer de l'argent, je serais "
                "bloquée à l'étranger."
            ),
            "public_post",
            None,
            {Category.SCAM},
        ),
        # Papers, leaked files and loans offered; a choking-by-aerosol challenge.
        (
            "This website is selling French passports and driving licences, shipping worldwide.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            (
                "On me propose d'acheter des fichiers de 200 000 particuliers, fresh from a recent "
                "leak."
            ),
            "email",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Sous les posts du groupe, des comptes proposent des prêts entre particuliers à 2%.",
            "public_comment",
            None,
            {Category.SCAM},
        ),
        (
            "Des ados relaient un #chromingchallenge où on inhale des bombes de déodorant.",
            "public_post",
            None,
            {Category.ENDANGERMENT},
        ),
        # Women told to obey and a slap prescribed; a "surprise" announced to avenge brothers.
        (
            (
                "Sur cette page, une femme doit obéir à son mari, et une bonne claque la remet à "
                "sa place."
            ),
            "public_post",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        (
            "Une vidéo annonce une surprise à la gare vendredi pour venger les frères.",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # Someone else's verdict that it is a threat; "morte de honte".
        (
            (
                "Ma mère croit que c'est une menace de mort mais il a juste écrit que son boss va "
                "le tuer."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Ma fille de 14 ans reçoit « demain t'es morte de honte » sous ses photos.",
            "public_comment",
            "threats_violence",
            set(),
        ),
    ],
)
def test_blackmail_pictures_refused_returns_papers_loans_sexism_and_verdicts(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    ("text", "where", "imminent"),
    [
        # A weapon said to be ready with a day; "not now" said of a distress; the day someone
        # wrote it.
        (
            "Il a écrit qu'il réglera ça avec son ex ce week-end, le fusil est prêt.",
            "public_post",
            True,
        ),
        (
            (
                "Mon amie m'écrit qu'elle a envie de mourir, elle ne parle pas de passer à l'acte "
                "maintenant."
            ),
            "sms",
            False,
        ),
        ("Il a écrit lundi après la réunion qu'il me tuerait un jour.", "sms", False),
    ],
)
def test_weapons_ready_not_now_and_the_day_it_was_written(
    text: str, where: str, imminent: bool
) -> None:
    assert classify(report(text, where_seen=where)).imminent_danger is imminent


def test_an_account_set_to_private_since_is_no_private_part() -> None:
    text = (
        "Des dizaines de comptes me traitent de sale pd sous ma photo, j'ai dû passer mon "
        "compte en privé."
    )
    assert classify(report(text, where_seen="public_comment")).scope is Scope.PUBLIC


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # At the door with a gun in the car, "c'est fini pour toi"; a place "sera rouge"; an
        # attack repeated "comme à Berlin"; gas wished on a group; a gun brought to school from
        # a gaming server.
        (
            (
                "Elle m'écrit : « je suis devant ta porte, j'ai le fusil dans la voiture, cette "
                "fois c'est fini pour toi »."
            ),
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Message du canal : « samedi la place sera rouge, les frères sont prêts ».",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        (
            "Un gars a écrit qu'il allait faire comme à Berlin au marché de Noël de Lille.",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        (
            "Un abonné a écrit « qu'on les gaze tous » sous l'article sur le camp de migrants.",
            "public_comment",
            "insult_defamation",
            {Category.THREATS_VIOLENCE},
        ),
        (
            "A player in our gaming server says he will bring his dad's gun to school tomorrow.",
            "public_group",
            "threats_violence",
            {Category.THREATS_VIOLENCE},
        ),
        # Women sent to the kitchen; a shop closed to gay and trans people.
        (
            "Sous la photo : « les femmes c'est fait pour la cuisine, ferme-la ».",
            "public_comment",
            None,
            {Category.HATE},
        ),
        (
            "Sur sa vitrine il a mis « ici pas de travelos ni de pédés ».",
            "public_post",
            None,
            {Category.HATE},
        ),
        # A crypto "giveaway"; a fake profile in the reporter's name asking friends for money.
        (
            (
                "Des faux comptes commentent : envoyez 0,5 ETH à cette adresse et recevez 1 ETH en "
                "retour."
            ),
            "public_comment",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Quelqu'un a créé un faux profil Instagram à mon nom et demande de l'argent à mes "
                "amies."
            ),
            "public_post",
            None,
            {Category.SCAM},
        ),
        # Not threats: a final won "t'es mort 😂", a charger guarded, slugs massacred; not
        # abuse: school party photos not blurred; not trafficking: a scooter stolen; not hate:
        # a minister's policy.
        (
            "Mon frère poste « on est en finale ce soir, t'es mort 😂 » sur le mur de son pote.",
            "public_post",
            None,
            set(),
        ),
        (
            "Ma coloc a écrit en story que si quelqu'un touche encore à mon chargeur elle le bute.",
            "public_post",
            None,
            set(),
        ),
        (
            "Mon voisin écrit qu'il va massacrer les limaces du potager ce week-end.",
            "public_group",
            None,
            set(),
        ),
        (
            "L'école a publié les photos de la kermesse sans flouter les visages des enfants.",
            "public_post",
            "child_sexual_abuse",
            set(),
        ),
        (
            "On m'a volé mon scooter hier devant chez moi, je sais pas à qui m'adresser.",
            "unknown",
            "illicit_trafficking",
            set(),
        ),
        (
            "Un ministre a dit hier à la télé qu'il faut baisser les aides, c'est honteux.",
            "video",
            "hate",
            set(),
        ),
    ],
)
def test_doors_red_squares_gas_kitchens_giveaways_and_finals(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


def test_an_attack_announced_at_a_named_place_is_imminent() -> None:
    decision = classify(
        report(
            "Un gars a écrit qu'il allait faire comme à Berlin au marché de Noël.",
            where_seen="public_group",
        )
    )
    assert decision.imminent_danger is True


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A beating filmed with a call for the next one; a massacre promised at a relative's
        # home; a bag with wires and an attack announced; "la colère d'Allah" promised.
        (
            "Vidéo de deux types qui frappent un SDF, légende « qui est chaud pour le prochain ».",
            "video",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Son ex dit en vidéo « si tu réponds pas avant 21h je viens chez ta sœur et je "
                "fais un carnage »."
            ),
            "video",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Un membre poste la photo d'un sac avec des fils : « demain à la gare vous allez "
                "entendre parler de moi »."
            ),
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        (
            "Message : « vendredi le stade va goûter à la colère d'Allah ».",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # Monkeys and "the jungle" thrown at a player; "une race de voleurs".
        (
            "Sous la vidéo du match, des 🐒🍌 et « retourne dans la jungle » pour le gardien.",
            "public_comment",
            None,
            {Category.HATE},
        ),
        (
            "« Les gitans du terrain vague c'est une race de voleurs », écrit un élu local.",
            "public_post",
            None,
            {Category.HATE},
        ),
        # Packs of images of girls sold; fans told to loot; unsolicited sexual pictures again
        # and again.
        (
            "Un canal Telegram vend des packs CP avec des photos de fillettes, paiement en crypto.",
            "public_group",
            "illicit_trafficking",
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "Un rappeur appelle ses fans à aller piller les magasins pendant les émeutes.",
            "video",
            "scam",
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            (
                "A guy from work keeps sending me unsolicited dick pics on Snapchat, 5 times now, "
                "I blocked him twice."
            ),
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # Nothing: targets "massacred", hospitals "killed" by a reform, a gamer's and a
        # printer's exasperation, "je vais crever si…", nightmares, taxes, birthday photos.
        (
            "Mon manager a écrit : « on va massacrer les objectifs ce mois-ci ».",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Le maire a écrit que cette réforme va tuer nos hôpitaux.",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "En live il dit « si je perds encore je me tire une balle » et il rigole.",
            "video",
            "threats_violence",
            set(),
        ),
        (
            (
                "Ma collègue a tweeté : « si l'imprimante est encore en panne demain je tue "
                "quelqu'un »."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Mon fils a écrit « je vais crever si j'ai pas mon permis » avec des rires.",
            "public_post",
            "endangerment",
            set(),
        ),
        (
            "Ma fille de 6 ans fait des cauchemars depuis une vidéo de monstre sur YouTube.",
            "video",
            "endangerment",
            set(),
        ),
        (
            "Le gouvernement augmente encore les taxes, on se fait voler tous les jours.",
            "unknown",
            "scam",
            set(),
        ),
        (
            "Une maman a mis sur Facebook les photos de l'anniversaire où on voit mon fils.",
            "public_post",
            "child_sexual_abuse",
            set(),
        ),
    ],
)
def test_beatings_filmed_wired_bags_jungle_packs_and_exasperation(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Fake reviews and a review said "faux et diffamatoire" are defamation; someone
        # "affiché" with videos of slaps, week after week, is harassed.
        (
            (
                "Un concurrent publie de faux avis sur mon hôtel : « punaises de lit », « le "
                "patron "
                "vole ». Tout est faux."
            ),
            "website",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Mon petit frère se fait afficher sur un compte insta, ils postent des vidéos de "
                "lui "
                "qui se fait gifler, ça dure depuis des semaines."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # A farewell with a bridge and a call for help; a hanging announced with the rope;
        # the police stoned; fasting challenges.
        (
            (
                "Mon cousin de 16 ans m'a envoyé « adieu jvous aime tous » avec une photo du pont, "
                "il répond plus. Svp envoyez quelqu'un."
            ),
            "private_message",
            None,
            {Category.ENDANGERMENT},
        ),
        (
            (
                "Sur le forum un membre a écrit qu'il se pendrait ce soir en rentrant, avec une "
                "photo de la corde."
            ),
            "website",
            None,
            {Category.ENDANGERMENT},
        ),
        (
            (
                "Story : « ce soir 21h devant le commissariat, ramenez les mortiers, on caillasse "
                "les keufs »."
            ),
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.INCITEMENT_OFFENCES},
        ),
        # A "paedophile hunter" who doxxes a man is harassment and threats, not child abuse; a
        # fake account in the reporter's name asking followers for money is a scam.
        (
            (
                "Vidéo « je piège un pédo » : le youtubeur montre son visage, son nom, sa rue, et "
                "les "
                "commentaires disent qu'il faut le brûler vif."
            ),
            "video",
            None,
            {Category.CYBERHARASSMENT, Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Someone made a fake Instagram account with my photos, it DMs my followers that "
                "I'm "
                "stuck in Spain and need money."
            ),
            "public_post",
            "scam",
            {Category.SCAM},
        ),
        # No threat: a sheep for the feast, rat poison (a false rumour: a defamation), a butcher's
        # "tuerie" (an advert); no insult: the reporter calling himself a fool; followers for sale
        # sent again and again are spam.
        (
            "Mon oncle a écrit qu'il va égorger le mouton demain pour la fête, venez manger.",
            "unknown",
            "threats_violence",
            set(),
        ),
        (
            (
                "Sur le forum quelqu'un dit que je mets de la mort aux rats dans mes gâteaux, "
                "c'est faux."
            ),
            "website",
            "threats_violence",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Le traiteur poste « grosse tuerie ce samedi, promo sur les merguez ».",
            "public_post",
            "threats_violence",
            {Category.SPAM},
        ),
        (
            (
                "Un mec sur insta m'a promis 2000 en 48h si j'investis 200 en crypto, j'ai payé "
                "et il "
                "m'a bloqué. jsuis un bouffon."
            ),
            "private_message",
            "scam",
            {Category.SCAM},
        ),
        (
            (
                "Un compte m'envoie en boucle des DM « 5000 followers pour 9,99 € », j'ai bloqué "
                "3 comptes."
            ),
            "private_message",
            None,
            {Category.SPAM},
        ),
    ],
)
def test_fake_reviews_shaming_farewells_police_stoned_hunters_and_self_mockery(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert categories_of(text, where, hint) == categories


def test_an_anniversary_is_no_age() -> None:
    text = (
        "Depuis la vidéo pour nos 3 ans avec mon copain, des centaines de commentaires « sale pd »."
    )
    assert classify(report(text, where_seen="video")).victim_minor is not True


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # The offence's name as a hunch, a question or someone else's claim: the content decides.
        (
            "Mon voisin dit que c'est une arnaque, ce site officiel de revente de billets.",
            "website",
            "scam",
            set(),
            False,
        ),
        (
            "Je trouve ça raciste : un ministre a dit qu'il faut baisser les aides au logement.",
            "public_post",
            "hate",
            set(),
            False,
        ),
        ("Un humoriste caricature les Bretons dans un sketch.", "video", "hate", set(), False),
        # Veiled threats: the car's plate known, harm that "would be a pity", a stab "one day".
        (
            (
                "Sous ma photo un gars a écrit : on a ta plaque, ce serait dommage qu'il "
                "t'arrive quelque chose."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Il m'écrit en DM : « un jour tu vas te prendre un coup de couteau en sortant ».",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # An attack announced with a day and a place; a van driven into a crowd on a day.
        (
            (
                "Sur un canal public : « vendredi à la braderie les frères feront un carnage, "
                "Allah akbar »."
            ),
            "public_group",
            "terrorism",
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Il a posté : dimanche je vais foncer dans la foule avec ma camionnette.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # Exasperation at no one, and bad reviews promised: no threat.
        (
            "« si la photocopieuse plante encore je vais finir par tuer quelqu'un 😂 »",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Ce restaurant m'a servi froid, je vais les massacrer dans les avis Google.",
            "unknown",
            None,
            set(),
            False,
        ),
        # "Liés" is no English "lies"; benefits drawn by lying taught; a named harassment alone.
        (
            "Des comptes liés entre eux proposent la livraison de ballons de protoxyde la nuit.",
            "public_post",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "Un youtubeur montre comment toucher le RSA sans déclarer son salaire.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        ("harcèlement mon fils 12 ans", "unknown", None, {Category.CYBERHARASSMENT}, False),
    ],
)
def test_hedged_names_veiled_threats_announced_attacks_and_a_word_alone(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # A screenshot names where it was taken, not where it is seen.
        (
            "Quelqu'un a posté dans le groupe public du quartier une capture de mes SMS.",
            "public_group",
            Scope.PUBLIC,
        ),
        (
            "Dans notre groupe WhatsApp ils postent des captures de mes stories pour se moquer.",
            "private_group",
            Scope.PRIVATE,
        ),
        # The reporter's own listing brought the messages; a stream's chat is public.
        (
            (
                "J'ai mis mon vélo sur leboncoin, un acheteur m'a écrit sur la messagerie puis par "
                "SMS avec un lien de paiement."
            ),
            "website",
            Scope.PRIVATE,
        ),
        (
            "Il spamme mon chat quand je stream sur Twitch et m'écrit aussi en DM.",
            "video",
            Scope.MIXED,
        ),
        # An Instagram message, a phone call written "ma téléphoné", a building open to the public.
        ("il dit qu'il va me tuer, message insta", "public_post", Scope.PRIVATE),
        ("un monsieur ma téléphoné en se disant de ma banque", "public_post", Scope.PRIVATE),
        (
            "Le mail annonçait une bombe dans nos locaux ; la mairie est ouverte au public.",
            "email",
            Scope.PRIVATE,
        ),
        # A channel open to anyone, no invitation needed.
        (
            "Un canal Telegram, pas besoin d'invitation, vend de la coke.",
            "private_group",
            Scope.PUBLIC,
        ),
    ],
)
def test_screenshots_own_listings_streams_and_open_channels(
    text: str, where: str, scope: Scope
) -> None:
    assert run(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A group insulted as such; looks mocked; a pupil's gun with the article elided.
        (
            "Un influenceur dit en live que les femmes c des salopes sans cervelle.",
            "video",
            None,
            {Category.HATE},
            False,
        ),
        (
            "Dans le groupe de la classe un élève a posté un mème qui se moque de ses dents.",
            "private_group",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "Mail reçu par le collège : « mardi à 9h je viens avec l'arme de mon oncle ».",
            "email",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Après une partie de Fortnite il m'écrit en DM : « je sais dans quel collège t'es, "
                "je vais te planter »."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # Suicide said in SMS words, the means ready; self-harm live; the danger said to be over.
        (
            "mon pote m'a écrit « ce soir c fini, j'ai tout préparé »",
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Mon frère a préparé ses cachets et ne décroche plus depuis 10 minutes.",
            "sms",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "En live en ce moment une fille se coupe les poignets devant ses abonnés.",
            "video",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Ma sœur m'a écrit hier qu'elle voulait en finir. Elle est suivie maintenant, "
                "ça va mieux."
            ),
            "private_message",
            "endangerment",
            {Category.ENDANGERMENT},
            False,
        ),
        # A fake officer asking for valuables; a scam by its English name is no insult.
        (
            (
                "Un faux commissaire a demandé à ma grand-mère de remettre ses bijoux à un "
                "policier en civil."
            ),
            "sms",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Every day a woman on a dating app pushes me to invest in crypto, classic pig "
                "butchering."
            ),
            "private_message",
            "scam",
            {Category.SCAM},
            False,
        ),
        # "I'm not joking" undoes the joke; "crève" shouted at zombies is a game.
        (
            "Il a écrit « demain je ramène la kalash en cours », puis « je rigole pas ».",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un youtubeur Minecraft crie « crève ! » aux zombies pendant toute la vidéo.",
            "video",
            None,
            set(),
            False,
        ),
        # Abuse of children imputed publicly, said false: defamation.
        (
            (
                "Un parent a écrit sur le groupe Facebook de l'école que je frappe les enfants et "
                "que je devrais être en prison. C'est faux."
            ),
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        # "Frapper les mécréants" at a feast day: an attack announced at a public place.
        (
            "Un compte de Daech dit qu'il va frapper les mécréants à la fête de la musique.",
            "video",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
    ],
)
def test_groups_insulted_looks_mocked_means_ready_and_fake_officers(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # A blackmailer's site named in his threat is not yet a post.
        (
            "Il demande 300 euros sinon il l'envoie à ma famille et sur YouTube.",
            "private_message",
            Scope.PRIVATE,
        ),
        # "Tout se passe en DM", whatever fake account is named.
        (
            (
                "La « fille » était en fait un faux compte. Tout se passe en DM, ils menacent "
                "mon fils."
            ),
            "private_message",
            Scope.PRIVATE,
        ),
        # Colleagues tagged under an account created on a platform.
        (
            (
                "Mon ex a créé un compte twitter avec mes photos, il tague mes collègues et "
                "m'écrit sur WhatsApp."
            ),
            "private_message",
            Scope.MIXED,
        ),
        # A phishing page asking for the code received by SMS.
        (
            "Un faux site de ma banque demande le numéro de carte et le code reçu par SMS.",
            "website",
            Scope.PUBLIC,
        ),
    ],
)
def test_threatened_sites_all_in_dm_tagged_colleagues_and_codes_asked(
    text: str, where: str, scope: Scope
) -> None:
    assert run(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # The offence's name asked about: the content decides, both ways.
        (
            (
                "Ma voisine m'écrit à chaque fois que mon bébé pleure, jamais grossière. C'est du "
                "harcèlement ?"
            ),
            "sms",
            None,
            set(),
        ),
        (
            "Il m'envoie 50 messages par jour et me traite de pute. C'est du harcèlement ?",
            "sms",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Mon propriétaire m'écrit toutes les semaines pour le loyer. C'est du "
                "harcèlement et des menaces non ?"
            ),
            "email",
            "threats_violence",
            set(),
        ),
        # "Personne insulte personne", "pas de gros mots": nothing the box can stand on alone.
        (
            "On se dispute souvent sur le groupe du boulot, mais personne insulte personne.",
            "private_group",
            "insult_defamation",
            set(),
        ),
        (
            (
                "Le voisin poste encore sur le groupe du village que mon chien aboie, pas de "
                "gros mots."
            ),
            "public_group",
            "insult_defamation",
            set(),
        ),
    ],
)
def test_questions_about_the_offence_and_words_denied(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Others take it for a joke, the reporter does not; blood to flow at a market.
        (
            (
                "Il a commenté « demain 8h je viens avec le fusil et je tire dans la cour ». "
                "Tout le monde croit que c'est une blague mais pas moi."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Sur X : « samedi au marché de Noël on fera couler le sang des mécréants ».",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        # A beating under way, live (violence against a person and a danger to life: the labelled
        # sets have a live assault as threats_violence in 43 of 44); a boxing club's gala; a
        # friend's praise in a threat's words. (Ticked, the gala and the lesson are left to the
        # analysts: the box is then all there is.)
        (
            "En direct sur Kick : deux hommes frappent et étranglent un homme.",
            "video",
            None,
            {Category.ENDANGERMENT, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Le club de boxe a posté « samedi on va les défoncer au gala ».",
            "video",
            None,
            set(),
            False,
        ),
        (
            "Son pote a commenté « je vais te tuer t'as mis un retourné de fou 😂 ».",
            "public_comment",
            "threats_violence",
            set(),
            False,
        ),
        # A biology video and adult models: no child abuse, whatever the box says.
        (
            (
                "Une vidéo « SVT 4e » montre des schémas d'organes génitaux, c'est de la "
                "corruption de mineur !"
            ),
            "video",
            None,
            set(),
            False,
        ),
        (
            "Un photographe publie des nus artistiques de modèles adultes.",
            "public_post",
            "child_sexual_abuse",
            set(),
            False,
        ),
        # A game's raid on a base; a system blown up at the ballot box.
        (
            "Sur le Discord de Rust ils parlent de raid la base à 21h avec du C4.",
            "public_group",
            "terrorism",
            set(),
            False,
        ),
        (
            "« Faisons sauter ce système pourri dans les urnes en 2027 ! »",
            "public_post",
            "terrorism",
            set(),
            False,
        ),
    ],
)
def test_jokes_others_see_lives_under_way_galas_lessons_and_raids(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_no_offence_no_victim_so_no_minor_priority() -> None:
    # A child who came across a dance video is no victim: victim_minor unknown, P3 (§3.3, §5).
    decision = classify(
        report("Mon fils de 9 ans regarde des vidéos de danse sur TikTok.", where_seen="video")
    )
    assert decision.categories == ()
    assert decision.victim_minor is None
    assert decision.priority is Priority.P3


def test_no_offence_but_an_adult_by_the_form_stays_a_known_adult() -> None:
    # §3.3: false when the victim is a known adult. The form says so; no offence changes that
    # (an adult's own age in the text, with no offence and no such field, is no victim's).
    review = report(
        "Un client a laissé un avis d'une étoile sur mon restaurant, il trouve mes plats trop "
        "salés.",
        where_seen="website",
        victim={"is_minor": False},
    )
    assert classify(review).categories == ()
    assert classify(review).victim_minor is False
    told = classify(report("J'ai 45 ans et je trouve TikTok nul.", where_seen="unknown"))
    assert told.victim_minor is None


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Officials lined up against a wall; a policeman's name and address with a veiled call.
        (
            "Commentaire sur le conseil municipal : « faudrait les aligner contre un mur ».",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Un compte publie nom, prénom, photo et adresse du policier, avec « vous savez ce "
                "qu'il vous reste à faire »."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT, Category.THREATS_VIOLENCE},
        ),
        # People with Down syndrome denied life; a child asked to film herself in the bath.
        (
            "Un streamer dit que les personnes trisomiques devraient même pas naître.",
            "video",
            None,
            {Category.HATE},
        ),
        (
            "Un joueur demande à ma fille de 10 ans de se filmer dans son bain.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # A home-made mortar taught; empty houses spotted for burglaries.
        (
            "Tuto YouTube pour fabriquer un mortier d'artifice maison, étape par étape.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # A baker said to touch children; a page created to mock me.
        (
            (
                "Dans le groupe des parents, une mère répète que le boulanger touche les enfants. "
                "C'est faux."
            ),
            "private_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Une page « la folle du quartier » a été créée pour se moquer de moi, ils disent "
                "que je suis folle."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        # An order from a big online shop that has not come: a dispute, not a scam.
        (
            "Commande passée chez Cdiscount il y a un mois, jamais livrée, pas de réponse.",
            "website",
            "scam",
            set(),
        ),
    ],
)
def test_walls_doxxed_officers_lives_denied_baths_mortars_and_rumours(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # An age glued to its unit; a boy's nudes then a demand: sextortion of a minor.
        (
            "jai 15ans jlui ai envoyé des photos de moi nu, il veut 100 euros sinon il envoie tout",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        # A child asked on camera in underwear; kids in swimsuits with men's comments.
        (
            "Un joueur demande à ma fille de 11 ans de se mettre en caméra en culotte.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        # Someone downstairs with a knife, in English; a suicide attack announced for a match.
        (
            "My ex texted 'I'm downstairs with the knife, open the door'.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Post: 'Saturday at the stadium I'll blow myself up in the crowd, Allahu akbar'.",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        # Out of the window; how many pills to go without pain tonight.
        (
            "Mon propriétaire dit qu'il va me faire sortir par la fenêtre si je paie pas.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sur un forum quelqu'un demande combien de Doliprane pour partir sans douleur ce soir.",
            "website",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        # "Un jour tu sortiras…" has no date; a test "killed"; a yoghurt guarded.
        (
            "Il m'écrit « un jour tu sortiras du boulot et je vais te crever ».",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Mon fils a posté « demain je vais tuer ce contrôle de maths ».",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "He tweeted 'going to murder Tom if he eats my yoghurt again'.",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
    ],
)
def test_glued_ages_cameras_doors_blasts_windows_pills_and_yoghurts(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Someone else's label for the post is no threat: the post decides.
        (
            (
                "Mon fils a écrit « je vais tuer le game cette année », un prof l'a convoqué pour "
                "menace."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        # A suicide-prevention day; a reporter who says a joke trivialises suicide.
        (
            "Post de la mairie pour la journée de prévention du suicide, avec une photo de pont.",
            "public_post",
            "endangerment",
            set(),
        ),
        # A prank jump; adults in an underwear ad, whatever the reporter calls it (ticked, the
        # box is all there is for an analyst to check).
        (
            "Un tiktokeur a fait semblant de vouloir sauter d'un toit en live, c'était un prank.",
            "video",
            "endangerment",
            set(),
        ),
        (
            (
                "Une marque poste des photos de mannequins en lingerie, c'est de la "
                "pédopornographie !"
            ),
            "public_post",
            None,
            set(),
        ),
    ],
)
def test_labels_given_by_others_and_prevention_days(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A negator that ends its own verb ("je connais pas a écrit"): the insult after it stands.
        (
            "Sous mon selfie une fille que je connais pas a écrit « grosse baleine ».",
            "public_comment",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        # Threats shouted at a round being played, or in front of a console: the game.
        (
            "Mon frère hurle « je vais tous vous exploser » devant sa console chaque soir.",
            "unknown",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Le youtubeur répète « je vais tous les égorger dans cette game » pendant le live.",
            "video",
            None,
            set(),
            False,
        ),
        # A game's name says where players met, not that a threat is pretend.
        (
            "Sur Roblox un joueur a écrit à mon fils qu'il allait venir chez lui le tuer.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            None,
        ),
        # A deposit kept by a landlord: a civil dispute.
        (
            "Mon ancien proprio ne me rend toujours pas ma caution, c'est de l'arnaque.",
            "email",
            "scam",
            set(),
            False,
        ),
        # The reporter's own attempts are no repetition aimed at anyone.
        (
            "J'ai appelé cinq fois le service client, un conseiller m'a traitée de conne.",
            "unknown",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        # Minutes ago in SMS speech: under way.
        (
            "mon cousin a mis sur sa story qu'il va se foutre en l'air, ya 5 min, il repond pas",
            "public_post",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        # Pills laid out already, for tonight.
        (
            "Ma coloc m'écrit qu'elle a déjà sorti tous ses cachets pour cette nuit.",
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        # A suicide said in the present tense.
        (
            "Un abonné commente « je me pends », personne ne le prend au sérieux.",
            "public_comment",
            None,
            {Category.ENDANGERMENT},
            None,
        ),
        # A family's address and colleagues' phone numbers posted: doxxing.
        (
            "Ils ont posté sur le serveur la photo de ma fille et l'adresse de la maison.",
            "public_group",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Un mec diffuse les numéros de téléphone de trois collègues sur sa page publique.",
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        # The reporter's adult age against the child sexual abuse box; "pedo" thrown as an
        # insult, again and again.
        (
            "Mon ancien copain a mis une vidéo de moi nue sur un site, j'ai 30 ans.",
            "website",
            "child_sexual_abuse",
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "A guy keeps calling my husband a pedo in comments on his shop page.",
            "public_comment",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            False,
        ),
        # A platform login given on a fake giveaway page, and the account emptied.
        (
            "Faux concours : on se connecte avec son compte Steam, et l'inventaire a été vidé.",
            "website",
            None,
            {Category.SCAM},
            False,
        ),
        # Someone will not leave whole; fakes the reporter recognises.
        (
            "Le voisin m'a dit en SMS que je ressortirai pas indemne de l'immeuble.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Une page vend des sacs Chanel à 60 euros, c'est pas des vrais évidemment.",
            "public_post",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        # Comments that insult a pupil of the reporter, many by nature: a coordinated harassment.
        (
            "Une vidéo se moque d'une de mes élèves, les commentaires l'insultent, « cassos ».",
            "video",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            False,
        ),
        # Friends for years: banter.
        (
            "Mon pote a écrit « t'es nul » sous ma vidéo, on se connait depuis le collège.",
            "public_comment",
            None,
            set(),
            False,
        ),
    ],
)
def test_games_played_landlords_minutes_ago_addresses_fakes_and_comments(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Paying staff off the books is an accusation, not a payment the reporter made.
        (
            (
                "Un ex-employé poste que mon mari est un voleur qui paie ses ouvriers au noir. "
                "C'est faux, je n'ai jamais eu de retour de sa part."
            ),
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # "Nobody insulted anybody", a rotten mood: no insult.
        (
            (
                "Dispute dans le groupe du foot sur les cotisations, personne a insulté personne "
                "mais l'ambiance est pourrie."
            ),
            "private_group",
            None,
            set(),
        ),
        # One lie shared more than a hundred times is one post widely seen, not a harassment.
        (
            (
                "Une mère d'élève a écrit sur la page publique de l'école que je « vole dans la "
                "caisse ». C'est faux. Le post a été partagé plus de 150 fois."
            ),
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # Attacks as the times the reporter lives in; a thing that "will end up killing me".
        (
            (
                "Mon collègue a écrit « si le serveur plante encore je fais un massacre », vu le "
                "contexte actuel avec les attentats je signale."
            ),
            "private_group",
            "terrorism",
            set(),
        ),
        (
            "Un type tweete « ce bus va finir par me tuer, encore en retard, je vais tout casser »",
            "public_post",
            "threats_violence",
            set(),
        ),
        # Promoted by favour: a second mild word makes the insult.
        (
            "Un commentaire sous mon post dit que je suis une incapable pistonnée.",
            "public_comment",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # Twenty in a year, a home filmed, a label: a harassment.
        (
            (
                "Ma voisine filme ma maison et publie les vidéos avec « la folle du 12 », cas "
                "social. Elle en a mis 20 en un an."
            ),
            "video",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_off_the_books_moods_shares_times_favours_and_homes_filmed(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


# Messages from a person, voice notes on an app, a video sent to friends: private parts.
@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        (
            "Mon fils de 13 ans reçoit des messages d'un adulte qui lui demande des photos.",
            "public_post",
            "private",
        ),
        (
            "Des élèves se moquent d'elle sous ses vidéos TikTok, et le soir en vocaux sur Snap.",
            "video",
            "mixed",
        ),
        (
            "Il a envoyé à tous mes amis une photo de moi et elle circule sur une page publique.",
            "private_message",
            "mixed",
        ),
    ],
)
def test_messages_from_someone_voice_notes_and_friends_are_private(
    text: str, where: str, scope: str
) -> None:
    assert classify(report(text, where_seen=where)).scope == Scope(scope)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Someone wrote that the reporter steals; a joke the son says it is, "but".
        (
            "La voisine a mis sur la page du quartier « Entraide Vaulx » que je suis une voleuse.",
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Un élève a écrit dans le groupe de classe « je vais planter la CPE ». Mon fils "
                "dit que c'est pour rigoler mais j'ai peur."
            ),
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # Friday is no sale of pictures ("vend*" once read "vendredi").
        (
            "Mon ex veut 500 € sinon il met mes photos intimes en ligne vendredi. J'ai 40 ans.",
            "sms",
            None,
            {Category.SCAM},
        ),
        # A shop that does not exist; fees for a loan that never came; a tax on withdrawals.
        (
            (
                "Pub pour un magasin de meubles qui liquide tout : la boutique n'existe pas, et "
                "des gens disent qu'ils n'ont rien reçu."
            ),
            "public_post",
            None,
            {Category.SCAM},
        ),
        (
            "Site de crédit : j'ai payé 250 € de frais de dossier et jamais de prêt.",
            "website",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Sur leur appli de trading on me demande une taxe de retrait avant de récupérer "
                "mes gains, placement garanti qu'ils disaient."
            ),
            "private_message",
            None,
            {Category.SCAM},
        ),
        # Debits after a cancellation, "legal crooks": a dispute.
        (
            (
                "Ma salle de sport continue de me prélever alors que j'ai résilié, des escrocs "
                "légalisés."
            ),
            "unknown",
            "scam",
            set(),
        ),
        # A refund tutorial for parcels received; a gun to print at home.
        (
            "Vidéo qui apprend à se faire rembourser des commandes qu'on a bien reçues.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Un forum donne un tuto pour imprimer un pistolet chez soi, fichiers STL fournis.",
            "website",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # Women "made for the kitchen"; a disabled woman called a burden.
        (
            "Un influenceur dit en live que les femmes c'est fait pour la cuisine, point.",
            "video",
            None,
            {Category.HATE},
        ),
        (
            "On a écrit à mon oncle en fauteuil « les estropiés sont un poids pour la société ».",
            "private_message",
            None,
            {Category.HATE},
        ),
        # Insults as people write them: clothes, uselessness, age.
        (
            "Un commentaire à ma fille : « t'es sapée comme une clocharde ».",
            "public_comment",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Sous le post de mon grand-père : « vieux débris, tu sers à rien ».",
            "public_comment",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # A friend's own low mood and a wish to be gone, the box ticked: distress, not an insult.
        (
            ("Mon ami m'écrit qu'il se sent inutile et que ce serait mieux s'il était plus là."),
            "private_message",
            "endangerment",
            {Category.ENDANGERMENT},
        ),
        # Insulted in front of everyone: one author and an audience.
        (
            "In the public chat a guy called me a loser in front of everyone.",
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # A call to rape a whole group, in English; a drawing of the prophet.
        (
            "A post says all vegans should be raped and shot.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Une page publie des caricatures du prophète, c'est un manque de respect.",
            "public_post",
            "hate",
            set(),
        ),
    ],
)
def test_claims_written_loans_and_taxes_tutorials_sexism_insults_and_blasphemy(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "categories", "minor"),
    [
        # Boys of the reporter's class: a pupil; the whole year group.
        (
            "des mecs de ma classe me traitent de clochard tous les jours sur insta",
            "public_comment",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            True,
        ),
        # A transition announced, then hundreds of comments: hate, and a coordinated harassment.
        (
            (
                "Depuis qu'elle a fait son coming out, ma cousine reçoit des centaines de "
                "commentaires « monstre », « dégénéré »."
            ),
            "public_comment",
            {Category.CYBERHARASSMENT, Category.HATE},
            None,
        ),
    ],
)
def test_pupils_of_my_class_and_a_coming_out_as_the_reason(
    text: str, where: str, categories: set[Category], minor: bool | None
) -> None:
    decision = classify(report(text, where_seen=where))
    assert set(decision.categories) == categories
    assert decision.victim_minor is minor


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A documentary that shows fighters, a thread that analyses propaganda, a school play, a
        # debate among historians: works about terrorism.
        (
            (
                "Reportage sur YouTube sur le recrutement en prison, avec des vidéos de "
                "combattants de Daech."
            ),
            "video",
            None,
            set(),
        ),
        (
            "Un chercheur publie un fil sur X qui décrypte la propagande de l'État islamique.",
            "public_post",
            None,
            set(),
        ),
        (
            (
                "Le club de théâtre a filmé sa pièce de théâtre où des anarchistes préparent un "
                "attentat."
            ),
            "video",
            "terrorism",
            set(),
        ),
        # Praise posted under a news article stays apology; an attacker's claim videos praised.
        (
            (
                "Sous l'article du Parisien sur l'attentat du Bataclan, un compte écrit « ils ont "
                "bien fait »."
            ),
            "public_comment",
            None,
            {Category.TERRORISM},
        ),
        (
            (
                "Une chaîne repartage des vidéos de revendication d'un terroriste avec des titres "
                "élogieux."
            ),
            "video",
            None,
            {Category.TERRORISM},
        ),
        # An attack on a church announced in English, for the ummah.
        (
            "A guy DMs me he is going to a church on Sunday with a knife, for the ummah.",
            "private_message",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # A ranked game, play said to be play; football said to be football; "she thinks it is
        # threats".
        (
            "Sur le discord, un joueur écrit « je vais tous vous exploser en ranked », du jeu.",
            "public_group",
            "threats_violence",
            set(),
        ),
        (
            "Mon fils a écrit « on va massacrer leur défense, ils vont mourir ». C'est du foot !",
            "public_comment",
            None,
            set(),
        ),
        (
            "Mon voisin chante sous ma fenêtre, ma femme croit que c'est des menaces.",
            "unknown",
            None,
            set(),
        ),
        # A rap clip the reporter knows is music, its box ticked: not a silent description.
        (
            "Mon fils écoute un clip où ils parlent de rafales, c'est de la musique je sais.",
            "video",
            "incitement_offences",
            set(),
        ),
        # Lawful products, a figure of speech; HHC, crack rocks and a door to come to; IPTV.
        (
            "Une boutique vend de l'huile de CBD à moins de 0,3 % de THC, légal en France.",
            "public_post",
            "illicit_trafficking",
            set(),
        ),
        (
            "Une pharmacie en ligne vend du doliprane sans ordonnance, c'est normal ?",
            "website",
            None,
            set(),
        ),
        (
            "Ce ministre est un dealer de mensonges.",
            "video",
            None,
            set(),
        ),
        (
            "Un compte vend des vapes HHC et des gummies THCP, livraison rapide.",
            "public_post",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Il poste des photos de cailloux et écrit « passez au bâtiment B, porte 3 ».",
            "private_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Un site vend des abonnements IPTV à 30 € l'an avec toutes les chaînes payantes.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        # Told about the reporter's shop, said to be false: a defamation.
        (
            "Un compte affirme que mon garage vole les pièces des clients. C'est faux.",
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_works_about_terror_praise_games_music_lawful_sales_and_false_claims(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        ("Compte insta qui vend de la ketamine, 'DM for menu'.", "public_post", "public"),
        (
            "Un canal public vend de la weed, j'ai écrit au vendeur en privé et j'ai payé.",
            "public_group",
            "mixed",
        ),
    ],
)
def test_an_ad_asking_for_dms_and_the_reporter_writing_privately(
    text: str, where: str, scope: str
) -> None:
    assert classify(report(text, where_seen=where)).scope == Scope(scope)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A beating announced in the present tense is violence, not a danger to life.
        (
            "Dans le groupe de classe : « demain à la sortie on te tabasse ».",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # Shelter found in haste, a complaint under way: nothing happening now.
        (
            (
                "Son ex a écrit qu'il allait la tuer. Elle est hébergée en urgence et la plainte "
                "est en cours."
            ),
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # A bank's fake adviser who knew the name and address published nothing.
        (
            (
                "Un faux conseiller bancaire connaissait mon nom et mon adresse et m'a fait "
                "valider un virement."
            ),
            "sms",
            None,
            {Category.SCAM},
            False,
        ),
        # Shares counted are one post widely seen.
        (
            "Un voisin a publié que je frappe mes enfants, c'est faux. Plus de 200 partages.",
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        # An ex who knows the password and watches the location: stalking, not phishing.
        (
            (
                "Mon ex avait mon mot de passe, il voit ma position en direct et m'envoie des "
                "photos de ma rue, c'est la 3e fois."
            ),
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Un airtag était caché dans ma voiture, mon ex me suit et débarque partout où je vais.",
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        # Pictures of someone on a porn site.
        (
            "Des photos de moi filmées sans mon accord sont sur un site porno avec mon prénom.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        # Women sent back to the kitchen by a crowd in a live chat.
        (
            "Une dizaine de comptes écrivent dans mon chat « retourne en cuisine » à chaque live.",
            "video",
            None,
            {Category.CYBERHARASSMENT, Category.HATE},
            False,
        ),
        # Justice asked for; migrants' boats to sink; blades called for tonight.
        (
            "Vidéo d'un contrôle de police violent, ces policiers doivent être sanctionnés.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Commentaire sous un article : « on coule les bateaux de migrants nous-mêmes ».",
            "public_comment",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Story publique : « ce soir 20h au stade, ramenez les couteaux ».",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # Ending it with the children and himself.
        (
            "Mon mari m'écrit qu'il va en finir avec les enfants et moi ce soir.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # A teacher said to deserve a murdered teacher's fate.
        (
            "Un parent a écrit que je mérite le même sort que Samuel Paty.",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            False,
        ),
    ],
)
def test_beatings_now_shelters_callers_shares_stalkers_sites_kitchens_and_fates(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Prevention posts, a death in a game, black humour, sad quotes, a play: no danger.
        (
            "Un compte publie les signes qui doivent alerter et le 3114, c'est de la propagande !",
            "public_post",
            "endangerment",
            set(),
            False,
        ),
        (
            "Vidéo « les pires façons de mourir dans Minecraft », mon fils adore.",
            "video",
            "endangerment",
            set(),
            False,
        ),
        (
            "Page d'humour noir qui poste des blagues sur le suicide, c'est limite.",
            "public_post",
            "endangerment",
            set(),
            False,
        ),
        # Farewells: a burden no more, papers in order, joining a late wife tonight.
        (
            (
                "Mon grand-père m'écrit : « je ne veux plus être un poids, ce soir je rejoins ta "
                "grand-mère ». Il ne décroche plus."
            ),
            "email",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Snap de mon cousin y a 10 min : « prends soin de ta daronne », il répond plus.",
            "private_message",
            "endangerment",
            {Category.ENDANGERMENT},
            True,
        ),
        # A face that "killed" the reader; homework that "will kill me".
        (
            "Sous sa vidéo ils écrivent « tu m'as tué avec ta tête », c'est une menace ?",
            "public_comment",
            "threats_violence",
            set(),
            False,
        ),
        (
            "LES EXOS DE MATHS VONT ME TUER, 50 pour demain 💀",
            "unknown",
            "threats_violence",
            set(),
            False,
        ),
        # Forged pay slips taught; starvation challenges for girls.
        (
            "Tuto pour falsifier ses fiches de paie et avoir un appart, étape par étape.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            "Compte « coach minceur » : défi pas plus de 400 calories par jour, thinspo.",
            "public_post",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        # A parcel in transit from a known site is a delivery dispute.
        (
            "Colis commandé sur un site de jardinage connu, toujours en cours d'acheminement.",
            "website",
            "scam",
            set(),
            False,
        ),
    ],
)
def test_prevention_games_humour_farewells_homework_forgeries_and_parcels(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_a_story_for_close_friends_is_private() -> None:
    decision = classify(
        report(
            "Une élève a mis en story amis proches une photo de ses bras coupés.",
            where_seen="public_post",
        )
    )
    assert decision.scope is Scope.PRIVATE


@pytest.mark.parametrize(
    ("text", "where", "categories"),
    [
        # Nudes sent to the victim's relatives; a site hosting deepfakes of a named streamer.
        (
            "Il a envoyé mes photos nue à mon père et à ma cousine, je suis détruite.",
            "private_message",
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Un forum hébergeant des deepfakes porno de la streameuse Mila, visage collé sur "
                "des corps d'actrices."
            ),
            "website",
            {Category.CYBERHARASSMENT},
        ),
        # Others joining in under a mocking video of a pupil: a coordinated harassment.
        (
            (
                "Un élève a posté une vidéo pour se moquer de ma fille noire, « la guenon », et "
                "les gens en rajoutent dans les commentaires."
            ),
            "video",
            {Category.CYBERHARASSMENT, Category.HATE},
        ),
    ],
)
def test_nudes_sent_to_relatives_deepfakes_hosted_and_others_joining_in(
    text: str, where: str, categories: set[Category]
) -> None:
    assert_decided(text, where, None, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Dead by a day, an end named for the victims, a beating promised to the writer.
        (
            "Sms de mon ex: « tu seras mort avant la fin du mois, crois moi ».",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sous la photo de notre mariage : « vous allez finir égorgés tous les deux ».",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            None,
        ),
        (
            "Un gars de l'équipe d'en face m'a écrit qu'il allait me marave après le tournoi.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            None,
        ),
        (
            (
                "Ils ont publié son adresse et proposent de lui rendre une petite visite "
                "qu'il n'oubliera jamais."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT, Category.THREATS_VIOLENCE},
            None,
        ),
        # A day of the month with the writer's plan and a gun; a blade named with the hour.
        (
            "Message de mon voisin : « le 3 je viens avec la carabine, on va régler ça ».",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Il m'a écrit « 17h devant la salle de sport, j'aurai mon couteau, tu vas payer ».",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # A hanging announced on a live for the next hour; an attack during the Sunday service.
        (
            "Un streamer dit en live qu'il se pend dans 30 minutes si personne ne l'aide.",
            "video",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "SMS reçu par la paroisse : « dimanche pendant la messe votre église va sauter ».",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # A cake "killed" in a recipe; a fake summons that accuses of child pornography.
        (
            (
                "Sur YouTube une cheffe dit « on va massacrer ce gâteau » en le découpant, c'est "
                "violent pour les enfants non ?"
            ),
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Courriel de la « Brigade des mineurs » : convocation pour consultation de "
                "pornographie infantile, répondre sous 48h sinon mandat d'arrêt."
            ),
            "email",
            "child_sexual_abuse",
            {Category.SCAM},
            False,
        ),
        # A child's new number and a bill to pay, in English; an unsubscribe link clicked.
        (
            "Text from an unknown number: 'hi dad, new phone, can you pay this invoice for me'.",
            "sms",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Des newsletters d'une boutique de chaussures tous les jours, j'ai cliqué sur "
                "le lien pour me désabonner et rien ne change."
            ),
            "email",
            "spam",
            {Category.SPAM},
            False,
        ),
        # The consumers' association, not the fighting league; silent calls every night.
        (
            (
                "UFC-Que Choisir nous signale de faux sites de revente de places de concert, rien "
                "n'est jamais envoyé aux acheteurs."
            ),
            "website",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Depuis deux mois quelqu'un m'appelle en pleine nuit en numéro caché, il raccroche "
                "aussitôt."
            ),
            "unknown",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        # Mocking videos of a pupil several times a week; an address posted, in English.
        (
            (
                "Un compte poste des vidéos de mon fils avec des moqueries sur son bégaiement, "
                "quatre par semaine."
            ),
            "video",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            False,
        ),
        (
            (
                "He posted my home address in his story and said he will come to smash your face, "
                "talking to me."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT, Category.THREATS_VIOLENCE},
            None,
        ),
    ],
)
def test_fates_named_dates_with_plans_blades_hangings_cakes_summons_and_silent_calls(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_a_channel_open_to_anyone_is_public() -> None:
    open_channel = classify(
        report(
            "Le canal Telegram est en accès libre : ils y vendent des faux billets.",
            where_seen="private_group",
        )
    )
    assert open_channel.scope is Scope.PUBLIC


def test_the_reporters_own_post_that_it_started_from_is_no_public_part() -> None:
    own = classify(
        report(
            "Depuis que j'ai publié une photo avec ma copine, je reçois chaque jour des messages "
            "privés « sales gouines » de trois comptes.",
            where_seen="public_post",
        )
    )
    assert own.scope is Scope.PRIVATE
    posted = classify(
        report(
            "Un compte a publié une photo de ma copine et moi avec « sales gouines », et ils "
            "nous écrivent aussi en privé.",
            where_seen="public_post",
        )
    )
    assert posted.scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A lender who threatens to be repaid what the reporter owes him: a threat, no extortion.
        (
            (
                "Mon ancien coloc à qui je dois 150 euros m'a écrit « paye avant samedi sinon je "
                "te casse les jambes »."
            ),
            "sms",
            "scam",
            {Category.THREATS_VIOLENCE},
        ),
        # A line that keeps failing and bills anyway: a dispute with one's own provider.
        (
            (
                "Ma fibre ne fonctionne plus depuis trois semaines, l'opérateur ne répond pas "
                "et je paye quand même."
            ),
            "unknown",
            None,
            set(),
        ),
    ],
)
def test_a_debt_owed_to_a_threatening_lender_and_a_failing_line(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Silent calls in the night to the reporter's phone: harassment (art. 222-16 Code pénal).
        (
            "Mon portable sonne chaque nuit depuis un mois, numéro masqué, et personne ne parle.",
            "unknown",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # A home-made silencer taught: incitement; a hunting rifle cleaned: nothing.
        (
            "Vidéo qui montre comment changer une lampe torche en silencieux, cotes à l'appui.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Tuto YouTube pour nettoyer et graisser son fusil de chasse avant l'ouverture.",
            "video",
            None,
            set(),
        ),
    ],
)
def test_a_phone_rung_every_night_and_a_silencer_made_at_home(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


def test_after_warm_up_the_collector_leaves_the_vocabularies_alone() -> None:
    # Their hundreds of thousands of objects live as long as the process: frozen out of the
    # collector's walks, and the young generation collected less often.
    warm_up(words=False)
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Business talk, a sport result, a horror night, game shot counted, a fight's promotion.
        (
            (
                "Notre directeur commercial a posté sur LinkedIn : « cette année on va écraser la "
                "concurrence »."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "La page du club de basket adverse : « dimanche on va les détruire à domicile ».",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Un cinéma annonce sa nuit d'horreur avec le slogan « venez vous faire massacrer ».",
            "website",
            "threats_violence",
            set(),
        ),
        (
            (
                "Page des chasseurs du canton : 11 au tableau ce dimanche, la prochaine fois on "
                "fait un carnage."
            ),
            "public_group",
            "threats_violence",
            set(),
        ),
        (
            (
                "Teaser du combat de MMA de samedi : il dit à son adversaire « samedi je te "
                "démonte la tête »."
            ),
            "video",
            "threats_violence",
            set(),
        ),
        # A faulty fridge not taken back; a test of the form; a fan's threat to whoever.
        (
            "Darty m'a vendu un frigo défectueux et refuse de le reprendre, c'est une arnaque.",
            "unknown",
            "scam",
            set(),
        ),
        (
            (
                "Ma sœur m'a envoyé « si tu touches à mes affaires je te découpe » non jrigole, je "
                "voulais tester le site."
            ),
            "sms",
            "threats_violence",
            set(),
        ),
        (
            "Un fan poste « si quelqu'un touche à mon chanteur préféré je le tue ».",
            "public_post",
            "threats_violence",
            set(),
        ),
        # Mass killers ranked and their manifesto passed round.
        (
            (
                "Sur un forum, des membres tiennent un classement des tueurs de masse et partagent "
                "le manifeste de Breivik."
            ),
            "public_post",
            None,
            {Category.TERRORISM},
        ),
        # The school of someone's children posted; a beating called for where he lives; a pupil
        # to be "finished" after school; a server created against a girl.
        (
            (
                "Sur un groupe public quelqu'un a mis la photo du maire, son adresse et l'école "
                "de ses enfants."
            ),
            "public_group",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Message sur le groupe Facebook du quartier : « il habite rue des Lilas, faut "
                "aller lui expliquer la vie, qui vient ? »"
            ),
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Dans le groupe de la classe ils disent qu'il faut le finir à la sortie du collège.",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Un serveur Discord a été créé contre ma fille pour poster des montages d'elle.",
            "public_group",
            None,
            {Category.CYBERHARASSMENT},
        ),
    ],
)
def test_business_talk_results_horror_nights_fights_faulty_goods_fans_and_calls_to_go(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # People the writer does not know write privately: "pas" negates nothing after it.
        (
            (
                "Mes photos sont sur un compte Instagram public et des mecs que je connais même "
                "pas m'écrivent en privé."
            ),
            "public_post",
            Scope.MIXED,
        ),
        (
            (
                "Un compte publie des montages de mon fils, et des élèves lui écrivent aussi sur "
                "Snapchat."
            ),
            "video",
            Scope.MIXED,
        ),
        (
            "Ils sont quarante dans le groupe, le groupe est privé mais ils postent ses photos.",
            "website",
            Scope.PRIVATE,
        ),
        # A blackmail is written to its victim, and a fake profile shows what it threatened.
        (
            (
                "Elle exige 300 euros sinon elle envoie la vidéo à mes contacts, et elle a créé un "
                "faux profil avec un extrait."
            ),
            "private_message",
            Scope.MIXED,
        ),
        (
            (
                "Ils ont mis la vidéo sur Facebook et ça tourne, en plus ils lui écrivent sur "
                "Messenger."
            ),
            "video",
            Scope.MIXED,
        ),
        (
            "Une vidéo TikTok se moque de lui et il reçoit des messages privés insultants.",
            "video",
            Scope.MIXED,
        ),
        (
            "Il m'a menacée en DM et il a mis la même chose sous sa dernière vidéo.",
            "private_message",
            Scope.MIXED,
        ),
        (
            "Right now dozens of accounts are flooding her stream with racist insults.",
            "email",
            Scope.PUBLIC,
        ),
    ],
)
def test_strangers_writing_apps_named_private_groups_blackmail_and_latest_videos(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # An attacker said to have been right; a blasphemy said to be punished so; the
        # paragliders of 7 October as heroes.
        (
            "Sous une vidéo sur le prof égorgé, un compte écrit « il a eu raison ».",
            "public_comment",
            None,
            {Category.TERRORISM},
        ),
        (
            (
                "Un post sur le prof égorgé à Arras : « c'est ce qui arrive quand on insulte le "
                "prophète »."
            ),
            "public_post",
            None,
            {Category.TERRORISM},
        ),
        (
            (
                "Un élève a mis en story publique les parapentes du 7 octobre avec « les vrais "
                "héros »."
            ),
            "public_post",
            None,
            {Category.TERRORISM},
        ),
        # A whole customer base sold for bitcoin; an old madwoman; a bag of fat every day.
        (
            (
                "Sur un forum, une annonce vend la base complète des clients d'un opérateur pour "
                "2000 dollars en bitcoin."
            ),
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            (
                "Un élève a publié une vidéo de moi avec la légende « la vieille folle de la salle "
                "12 »."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Ils m'appellent sac à gras tous les jours depuis la rentrée, je suis en 5e.",
            "private_group",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
        ),
        # A religion judged as a doctrine, a government criticised, immigration policy argued.
        (
            "Un blogueur écrit que l'islam en tant que doctrine ne respecte pas les femmes.",
            "website",
            "hate",
            set(),
        ),
        (
            ("A streamer keeps criticising the Russian government and calls Putin a war criminal."),
            "video",
            "hate",
            set(),
        ),
        (
            (
                "Un député a tweeté qu'il faut réduire l'immigration et expulser les étrangers "
                "sous OQTF."
            ),
            "public_post",
            "hate",
            set(),
        ),
        # A site imitating a shop; a child invited to write privately; zombies in a game; a
        # wish that an app be banned.
        (
            "Faux site imitant une enseigne de sport, paiement par virement uniquement.",
            "website",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Sous les vidéos de ma nièce de 12 ans, des adultes commentent « viens en mp ma "
                "belle »."
            ),
            "public_comment",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Mon fils regarde un youtubeur qui crie « je vais te tuer » aux zombies dans son "
                "jeu."
            ),
            "video",
            "threats_violence",
            set(),
        ),
        (
            (
                "Ma fille de 12 ans passe ses soirées sur Snapchat, je voudrais que l'appli soit "
                "interdite."
            ),
            "unknown",
            "endangerment",
            set(),
        ),
    ],
)
def test_attackers_praised_bases_sold_old_madwomen_doctrines_policies_and_zombies(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


def test_dawn_is_a_time_but_the_aube_is_a_department() -> None:
    threat = classify(
        report(
            "Je suis élue dans l'Aube, un message sur la page de la mairie dit « on va te tuer ».",
            where_seen="public_comment",
        )
    )
    assert set(threat.categories) == {Category.THREATS_VIOLENCE}
    assert threat.imminent_danger is False


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        (
            (
                "Someone listed a phone on Facebook Marketplace, then we talked on Messenger and I "
                "paid, nothing came."
            ),
            "website",
            Scope.MIXED,
        ),
        (
            "Ils ont mis mon num sur un compte Instagram et depuis je reçois des SMS d'insultes.",
            "sms",
            Scope.MIXED,
        ),
        # An invitation in public comments to write privately is no private exchange yet; a
        # message sent privately is one.
        (
            (
                "Sous les vidéos de ma nièce de 12 ans, des adultes commentent « viens en mp ma "
                "belle »."
            ),
            "public_comment",
            Scope.PUBLIC,
        ),
        (
            "Un type connu sur un groupe de rando m'envoie en privé sur WhatsApp des menaces.",
            "public_group",
            Scope.PRIVATE,
        ),
    ],
)
def test_a_marketplace_listing_details_on_an_account_and_an_invitation_to_write(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


def test_a_pupil_of_the_writers_school_in_slang_is_a_minor() -> None:
    beaten = classify(
        report(
            "Ils ont posté la vidéo d'une fille de mon bahut qui se fait tabasser, avec « la "
            "prochaine fois on te finit ».",
            where_seen="video",
        )
    )
    assert beaten.victim_minor is True


def test_paid_then_blocked_is_a_fake_sale_not_an_advert() -> None:
    assert_decided(
        "Une pub Facebook pour des baskets à -60 %, j'ai payé 90 euros par virement et depuis "
        "je suis bloqué.",
        "public_post",
        None,
        {Category.SCAM},
    )


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # An election won; stolen cards offered; "totally false"; an adult's own age in English.
        (
            "Candidate says in his video that we will bury the government at the ballot box.",
            "video",
            "threats_violence",
            set(),
        ),
        (
            "Un élu écrit qu'on va écraser la gauche aux urnes dimanche.",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "A guy on Telegram keeps offering me fresh credit card numbers with CVV.",
            "private_message",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            (
                "A page posted that my bakery sells rotten bread and that I was in prison. Totally "
                "false."
            ),
            "public_post",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Mon ex a publié mes nudes sur un canal Telegram public. I'm 27 and I never agreed.",
            "public_group",
            "child_sexual_abuse",
            {Category.CYBERHARASSMENT},
        ),
        # Police officers to be "grilled"; an attack of a given year to be done again.
        (
            (
                "Story publique : « ce soir devant le commissariat, ramenez les mortiers, on va "
                "griller les flics »."
            ),
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.INCITEMENT_OFFENCES},
        ),
        (
            (
                "Sur un forum quelqu'un écrit « samedi je vais faire comme en 2016 sur la "
                "promenade, vous verrez »."
            ),
            "website",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # A child abuse claimed and denied; a disabled colleague called a vegetable.
        (
            (
                "Une mère écrit sur le groupe de l'école que le directeur « touche les enfants ». "
                "Il n'y a jamais eu la moindre plainte."
            ),
            "public_group",
            "child_sexual_abuse",
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Un élève a posté une vidéo de notre collègue en fauteuil roulant avec « le légume "
                "est là »."
            ),
            "video",
            None,
            {Category.HATE},
        ),
        # A minister judged; a retailer's credit note; mails selling Viagra.
        (
            (
                "Un internaute écrit que c'est le pire ministre depuis 40 ans et qu'il faut le "
                "dégager."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            (
                "J'ai commandé des chaussures sur Zalando, le colis est bloqué et ils proposent un "
                "avoir au lieu de me rembourser."
            ),
            "website",
            "scam",
            set(),
        ),
        (
            "Je reçois des mails tous les jours qui me proposent du viagra pas cher.",
            "email",
            "spam",
            {Category.SPAM},
        ),
    ],
)
def test_elections_cards_offered_adults_own_age_griller_years_again_and_claims_denied(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


def test_an_age_glued_to_yo_is_an_age() -> None:
    assert Evidence(load_vocabulary(), "my 16yo daughter").text == " my 16 yo daughter "


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Someone lying in wait for the victim, and what for.
        (
            (
                "Un garçon de ma classe m'a écrit qu'il m'attendrait derrière le gymnase pour me "
                "casser la gueule."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Il a écrit sur Snap qu'il guette ma sœur à l'arrêt de bus pour la frapper.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            (
                "Un joueur m'a écrit qu'il m'attend demain soir devant la salle de sport pour me "
                "planter."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        ("Ma copine m'attend au café pour me faire une surprise.", "sms", None, set(), False),
        # Coming to fetch the victim, or to catch them, to beat them; a father fetching his son.
        (
            (
                "il ma dit en mp quil allait venir me chercher a la sortie du taf avec ses potes "
                "pour me defoncer"
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "He texted that he's gonna come and get me after school to beat me up.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sur le groupe ils disent qu'ils vont le choper au city pour le tabasser.",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Mon père vient me chercher au collège pour aller taper dans le ballon au stade.",
            "sms",
            None,
            set(),
            False,
        ),
        # A family joke, its laughter far from the threat's words; a coach's hard training.
        (
            (
                "Mon oncle a posté : je vais étrangler ma cousine si elle pique encore toute la "
                "bûche de Noël mdr"
            ),
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Mon père a écrit dans le groupe : si Paul rate encore le train je l'étrangle. "
                "Blague familiale, rien de méchant."
            ),
            "private_group",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "L'entraîneur a prévenu l'équipe : demain je vais tous vous tuer, séance de "
                "fractionné."
            ),
            "private_group",
            "threats_violence",
            set(),
            False,
        ),
        # Sport and shows: a rugby ball, a boxer before his fight.
        (
            "Le club a posté « samedi on va les massacrer ces Irlandais 🏉 ».",
            "public_post",
            None,
            set(),
            False,
        ),
        (
            (
                "Un boxeur pro a posté avant son combat de samedi : je vais le démonter et "
                "l'envoyer à l'hôpital."
            ),
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        # A game named, and a threat with a time and a place all the same.
        (
            (
                "Après une partie en ranked, un joueur a trouvé mon adresse et m'écrit : ce soir "
                "je passe avec une lame, t'es mort."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Après le tournoi en ranked ils m'écrivent : on sait que t'habites vers Lille, "
                "t'es mort."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            (
                "Sur le Discord de notre jeu, un joueur a écrit : mardi à 10h je tire dans la "
                "cour du lycée."
            ),
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un type a écrit sous la photo de ma sœur qu'elle rentrera pas chez elle samedi.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            None,
        ),
        # "Not a threat" in English; a party in slang; a film's still and a film's poster.
        (
            (
                "Someone reported my tweet but it is not a threat at all, I was talking about a "
                "cooking contest."
            ),
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Ce soir on se met une race chez Karim, prends de quoi tuer la soirée.",
            "sms",
            "hate",
            set(),
            False,
        ),
        (
            "Mon fils a mis en photo de profil une image de flingue tirée du film Scarface.",
            "public_post",
            None,
            set(),
            False,
        ),
        (
            "Ma voisine a cru à un attentat, mais c'est l'affiche du nouveau film de la saga.",
            "public_post",
            "terrorism",
            set(),
            False,
        ),
        (
            (
                "Notre club publie des vidéos de self-défense : comment se dégager d'un agresseur "
                "au couteau."
            ),
            "video",
            "incitement_offences",
            set(),
            False,
        ),
        # Blackmail with bad reviews; an adult's sextortion threatened, not yet sent.
        (
            (
                "Un concurrent m'écrit par mail : payez 300 euros sinon des dizaines d'avis "
                "négatifs sur votre fiche."
            ),
            "email",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Une femme rencontrée en ligne m'a filmé nu en visio, elle exige 300 euros sinon "
                "la vidéo partira à tous mes contacts."
            ),
            "private_message",
            None,
            {Category.SCAM},
            False,
        ),
        # Fake reviews said to be false; a couple's video shared in a class group.
        (
            (
                "Un ancien associé publie de faux commentaires sur Google qui disent que mon "
                "garage vole les clients."
            ),
            "website",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            (
                "J'ai 16 ans, mon ex a mis la vidéo de nous deux au lit dans le groupe de la "
                "classe, tout le monde me regarde."
            ),
            "private_group",
            None,
            {Category.CHILD_SEXUAL_ABUSE, Category.CYBERHARASSMENT},
            False,
        ),
        # Someone following the victim everywhere, threats received in the plural.
        (
            "Un joueur me suit partout sur les serveurs et m'insulte de sale merde.",
            "public_group",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Ma fille reçoit des menaces en message privé d'une fille de sa classe : « on va "
                "te frapper »."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
            False,
        ),
    ],
)
def test_waits_family_jokes_games_with_a_time_films_and_blackmail_by_reviews(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("Je suis une fille de 15 piges et un inconnu me demande des photos nue.", True),
        ("Un mec m'insulte de salope tous les jours sur Insta, j'ai 40 balais.", False),
    ],
)
def test_an_age_in_slang_is_an_age(text: str, minor: bool) -> None:
    decision = classify(report(text, where_seen="private_message"))
    assert decision.victim_minor is minor


def test_a_person_who_spams_the_reporter_is_not_advertising() -> None:
    decision = classify(
        report(
            "Un gars de ma classe me spam en mp depuis lundi, j'en peux plus.",
            where_seen="private_message",
        )
    )
    assert Category.SPAM not in decision.categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A hacked account held for money, nothing sexual; lawful steps threatened; a bill unpaid.
        (
            (
                "Le compte Snap de mon fils de 14 ans a été piraté, le type demande 30 euros "
                "sinon il envoie les captures de ses conversations à tout le monde. Il n'y a rien "
                "de sexuel dedans."
            ),
            "private_message",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Mon propriétaire me menace d'une expulsion et d'un huissier si je ne paie pas le "
                "loyer."
            ),
            "sms",
            "threats_violence",
            set(),
        ),
        (
            "Mon client ne veut pas payer ma facture de peinture, pour moi c'est de l'escroquerie.",
            "sms",
            "scam",
            set(),
        ),
        # A deposit paid to a tradesman who never came; a game inventory emptied through a link;
        # the patients' data of a clinic for sale.
        (
            (
                "J'ai versé un acompte de 400 euros à un couvreur trouvé sur Leboncoin, il n'est "
                "jamais venu."
            ),
            "website",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Un contact Steam m'a envoyé un lien de concours, je me suis connecté et tout mon "
                "inventaire a été transféré."
            ),
            "private_message",
            None,
            {Category.SCAM},
        ),
        (
            "Des pirates mettent en vente les données des patients de notre clinique sur un forum.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        # Death said with an image; running someone over; a wait at a place, a game named.
        (
            "Il m'a écrit : tu verras pas le soleil se lever demain.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Sur la page de la mairie quelqu'un écrit que le maire finira pendu, comme il le "
                "mérite."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Un automobiliste m'a écrit en commentaire : si je te recroise je te roule dessus.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Sur Valorant un joueur a écrit à mon fils : vendredi je t'attends devant "
                "l'entrée du collège, tu vas finir aux urgences."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # A miss from the words' beginnings (docs/vocabularies.md, "The second reading") to the
        # danger named (the same, "A danger names its threat to life"): the weights set the
        # rules' threat aside (the game named, "trouvé") and kept the danger, which names it.
        (
            (
                "Après une partie de Fortnite un joueur a trouvé où je travaille et m'écrit : "
                "jeudi je serai devant le magasin, tu rentreras pas chez toi."
            ),
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # A weight mocked; a pig killed by tradition, an exam, a sales target, a rooster cooked;
        # a CS2 round; a half marathon.
        (
            "Un collègue a posté ma photo avec « attention le mammouth arrive ».",
            "public_post",
            "hate",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "À Noël je tue la dinde si mon frère ne vient pas la chercher.",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Le bac blanc de lundi va tous nous tuer, courage à toute la promo.",
            "public_group",
            None,
            set(),
        ),
        (
            "Le directeur commercial a posté : ce mois-ci on massacre le chiffre d'affaires 🔪",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Si le coq de la voisine me réveille encore je l'égorge, et on le fera en coq au vin.",
            "public_group",
            "threats_violence",
            set(),
        ),
        (
            ("En vocal sur CS2 un coéquipier m'a dit : ce soir je t'explose la tête sur Inferno."),
            "unknown",
            None,
            set(),
        ),
        (
            (
                "Mon cousin a posté qu'il va tous les tuer dimanche au marathon de Lyon, chrono "
                "visé 3h."
            ),
            "public_post",
            None,
            set(),
        ),
    ],
)
def test_blackmail_without_sex_lawful_steps_deposits_images_of_death_and_hyperbole(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Blackmail said with "ou", files held for ransom on the office's computers.
        (
            "Un concurrent m'a écrit : tu vires 500 euros ou on te pourrit sur les avis.",
            "private_message",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Mon ex m'écrit : verse 200 euros ou je publie les photos sur Insta.",
            "sms",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Lundi nos postes de travail affichaient tous : vos fichiers sont chiffrés, payez "
                "1 BTC."
            ),
            "unknown",
            None,
            {Category.SCAM},
            False,
        ),
        # A dancefloor on fire, a tutorial judged, a company that "se moque du monde", a drill
        # song called violent by the reporter, hyperbole about crimes, bosses and taste buds,
        # laughter told in words.
        (
            "La boîte de nuit annonce : samedi on va mettre le feu à la piste !",
            "public_post",
            "incitement_offences",
            set(),
            False,
        ),
        (
            "Sous ma vidéo de couture quelqu'un a écrit : ton tuto est vraiment nul.",
            "public_comment",
            None,
            set(),
            False,
        ),
        (
            (
                "La Poste a égaré mon colis et ne me rembourse pas depuis un mois. Ils se foutent "
                "du monde."
            ),
            "website",
            "scam",
            set(),
            False,
        ),
        (
            "Un rappeur a sorti un clip de drill, c'est une incitation à la violence selon moi.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            "My colleague posted that if the wifi drops again she's going to commit a crime.",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Un youtubeur dit qu'il faut décapiter la direction de la banque et tout remplacer.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            "La recette dit : tuez vos papilles avec ce poulet.",
            "website",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Ma fille a posté « je vais tuer mon frère il a fini le Nutella » avec des "
                "smileys qui meurent de rire."
            ),
            "public_post",
            None,
            set(),
            False,
        ),
        # A group called vermin and to be cleaned out; a mosque to be stormed with bats.
        (
            (
                "Un compte public traite les Comoriens de vermine et appelle à nettoyer les rues "
                "à la machette."
            ),
            "public_post",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
            False,
        ),
        (
            (
                "A public channel told people to bring their bats to the mosque after prayers and "
                "clear it out."
            ),
            "public_post",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
            None,
        ),
        # A streamer's crowd; propaganda sent to a teenager, not pictures asked of him.
        (
            (
                "Une influenceuse a demandé à ses abonnés d'aller m'insulter, j'ai été submergée "
                "de milliers de messages « grosse merde »."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Un homme contacte mon fils de 15 ans sur Telegram, lui envoie des vidéos de "
                "Daech et lui parle de partir faire la hijra."
            ),
            "private_message",
            None,
            {Category.TERRORISM},
            False,
        ),
        # An attack of a given year to be outdone; someone coming to burn, or on his way; a
        # hanging from a bridge; an address published in full.
        (
            "Sur un canal public : dimanche soir à la fête de la musique on fera mieux qu'en 2016.",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Sur X un compte a publié l'adresse exacte de mon oncle avec « on viendra ce soir "
                "le cramer »."
            ),
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
            True,
        ),
        (
            (
                "Sous l'article sur le foyer de migrants quelqu'un écrit qu'on les pendra à un "
                "lampadaire."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Mon ex m'a écrit : je suis en route, je vais te tuer.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
    ],
)
def test_blackmail_with_or_hyperbole_groups_called_vermin_and_attackers_on_their_way(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A hunting knife brought to school is no hunting; people to be hunted one by one;
        # Black people shown with bananas.
        (
            (
                "Dans le groupe de la classe un garçon dit qu'il viendra vendredi avec le couteau "
                "de chasse de son oncle, vous allez voir."
            ),
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Une vidéo appelle à aller choper les Roms du camp un par un.",
            "video",
            None,
            {Category.HATE, Category.THREATS_VIOLENCE},
        ),
        (
            "Sur une page publique ils partagent des montages d'Africains avec des bananes.",
            "public_group",
            None,
            {Category.HATE},
        ),
        # Red hair mocked; an adult's webcam blackmail, the sending threatened as a noun.
        (
            "Un élève a posté ma photo avec « poil de carotte » en légende.",
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Mail reçu : ils prétendent avoir des vidéos de moi sur des sites pour adultes et "
                "veulent 900 euros, sinon diffusion à tous mes contacts."
            ),
            "email",
            None,
            {Category.SCAM},
        ),
        # A doctor called a murderer in a review with no proceedings ever; a fake recording of
        # a mayor; the reporter said to be a racist; voters' memory promised.
        (
            (
                "Sur Google, la fille d'un patient écrit que le Dr Roux a laissé mourir son père "
                "et que c'est un assassin. Il n'y a eu aucune procédure."
            ),
            "website",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Un compte diffuse un faux vocal où l'adjoint dit qu'il se sert dans le budget de "
                "la mairie."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Un client a posté une vidéo où il raconte que je suis raciste et que je ne sers "
                "pas les Maghrébins. C'est faux."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Une militante écrit que la sénatrice a trahi les agriculteurs et que les "
                "électeurs s'en souviendront aux européennes."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
    ],
)
def test_knives_at_school_hunted_groups_fake_recordings_and_accusations_of_racism(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Lawful sellers: a registered breeder, a CBD shop, a neighbour's honey.
        (
            (
                "Un éleveur déclaré vend ses chiots pucés et vaccinés sur Leboncoin avec son "
                "numéro SIRET."
            ),
            "website",
            "illicit_trafficking",
            set(),
        ),
        (
            "Une boutique de CBD poste ses fleurs sur Instagram, on dirait de la weed.",
            "public_post",
            "incitement_offences",
            set(),
        ),
        (
            "Mon voisin vend le miel de ses ruches sur le groupe du village, sans facture.",
            "public_group",
            "illicit_trafficking",
            set(),
        ),
        # Fakes said as such; a Telegram channel called "tg", which is no insult there.
        (
            "Sur Vinted un vendeur propose des baskets « rep 1:1 » à 40 euros.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Sur un canal tg public ils vendent des fiches clients avec IBAN par paquets de 500.",
            "public_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
    ],
)
def test_lawful_sellers_fakes_said_as_such_and_telegram_called_tg(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A relative gone to Syria asking to be joined; terror words said of a law; attacks
        # condemned; an "attentat" promised as a joke between friends.
        (
            (
                "Mon frère parti en Syrie il y a des années m'écrit qu'il faut que je le rejoigne "
                "là-bas."
            ),
            "private_message",
            None,
            {Category.TERRORISM},
        ),
        (
            "Un élu a écrit que cette loi est un attentat contre le service public.",
            "public_post",
            "terrorism",
            set(),
        ),
        (
            "L'imam a publié une vidéo où il condamne fermement les attentats.",
            "video",
            "terrorism",
            set(),
        ),
        (
            (
                "Mon pote m'a écrit : si tu viens pas je fais un attentat chez toi 😂, c'est une "
                "blague entre nous."
            ),
            "private_message",
            "terrorism",
            set(),
        ),
    ],
)
def test_a_relative_to_join_in_syria_laws_attacks_condemned_and_jokes(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Parents' holiday pictures; pictures held against a break-up by a boyfriend of 15; poison
        # said to be put in the bread, made up; a person to be "smoked", his address asked for.
        (
            (
                "Ma belle-sœur poste des photos de ses enfants à la piscine en maillot sur "
                "Facebook, avec tous les pervers qui traînent."
            ),
            "public_post",
            "child_sexual_abuse",
            set(),
        ),
        (
            (
                "J'ai 15 ans, mon copain dit que si je le quitte il envoie nos vidéos à tout le "
                "collège."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Sur Google un avis dit que le boulanger met de la mort-aux-rats dans le pain. "
                "C'est inventé."
            ),
            "website",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Sous la vidéo du ministre quelqu'un écrit : ce type faut le fumer, qui a son "
                "adresse ?"
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
    ],
)
def test_holiday_pictures_break_up_blackmail_poison_made_up_and_a_man_to_smoke(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # "On te crève" is a threat to kill, not a call to suicide; a duration ("depuis 72h") and
        # a scene filmed ("filmé en train de…") are no time of a danger to come.
        (
            "Il a répondu sous ma vidéo : la prochaine fois je te crève.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Depuis 72h je reçois des messages : on va te tuer.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            (
                "Sur la vidéo on voit un ado en train de se faire frapper, avec la légende : la "
                "prochaine fois on le tue."
            ),
            "video",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # Death said for today, in English; a threat read out on a live is no danger under way.
        (
            "Today you die, coward.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Une menace affichée en live sur ma chaîne disait : je vais te tuer.",
            "video",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        # Pills about to be swallowed on a live; one man beating a woman on a live; a letter written
        # and the act announced for tonight; an attack said to be coming at a stadium on Saturday.
        (
            "Mon frère est en direct sur Insta, il veut avaler sa plaquette de somnifères.",
            "video",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "En direct sur Facebook un type tabasse sa compagne.",
            "video",
            None,
            {Category.ENDANGERMENT, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Ma sœur a écrit une lettre pour ses parents et dit qu'elle le fera ce soir.",
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Un compte écrit qu'il y aura un attentat au stade samedi à 21h.",
            "unknown",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        # Nothing precise said: a distress, not a danger of tonight.
        (
            (
                "Un ami m'écrit qu'il pense parfois à en finir, rien de concret, il voit un psy "
                "demain."
            ),
            "private_message",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
    ],
)
def test_threats_to_do_someone_in_durations_scenes_filmed_pills_ropes_and_attacks_to_come(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Replica guns in a game; lyrics said to aim at no one; a call to beat someone named by a
        # pronoun; a stabbing planned by name; the killer of policemen held up as a model.
        (
            (
                "Sur le groupe du club d'airsoft ils écrivent : dimanche on va tous vous allumer "
                "avec nos répliques."
            ),
            "public_group",
            "threats_violence",
            set(),
        ),
        (
            (
                "Mon neveu a mis un son où il dit je te fume toi et ta clique, il dit que le "
                "texte ne vise personne."
            ),
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Des abonnés incitent à aller la tabasser devant son bureau.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Il garde le cutter de son frère pour planter Léo à la cantine.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Le tueur des policiers est un modèle, suivez leur exemple.",
            "public_post",
            None,
            {Category.TERRORISM},
        ),
        # Fire bombs to bring and police cars to burn; a name, a photo and an address posted with
        # a theft imputed; a theft imputed to a man pointed at, denied; a warranty and a refund
        # refused by a shop; a sexual emoji under a child's videos; fakes said plainly.
        (
            (
                "Un compte appelle à venir avec des cocktails molotov et à cramer les voitures de "
                "la police samedi."
            ),
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            (
                "Une page a publié son nom, sa photo, son adresse en disant qu'il vole les "
                "voitures. C'est faux."
            ),
            "public_post",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
        ),
        (
            (
                "Un voisin a affiché ma photo avec : cet homme vole les colis. Je n'ai jamais "
                "rien volé."
            ),
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Mon aspirateur est sous garantie et la boutique fait traîner, quelle arnaque.",
            "email",
            "scam",
            set(),
        ),
        (
            "Le site ne nous a toujours pas remboursé la commande que j'ai annulée.",
            "unknown",
            "scam",
            set(),
        ),
        (
            "Un adulte répond 🍑👅 sous les photos de mon fils de 12 ans.",
            "public_comment",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "Un site vend des montres Rolex à 50 euros, clairement des faux.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        # A government called a band of thieves; a religion mocked; an accusation of hitting
        # pupils reported by the teacher; hunting with hounds.
        (
            "Il traite le gouvernement de bande de voleurs sur son blog.",
            "website",
            "insult_defamation",
            set(),
        ),
        (
            "Une vidéo qui se moque de la Bible, je me sens offensée.",
            "video",
            "hate",
            set(),
        ),
        (
            "Un père raconte sur le groupe de la classe que je frappe mes élèves, c'est inventé.",
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Une vidéo de vénerie montre la curée, c'est ignoble.",
            "video",
            "endangerment",
            set(),
        ),
    ],
)
def test_replicas_lyrics_aimed_at_no_one_calls_to_beat_fire_bombs_thefts_imputed_and_refunds(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Un adulte écrit à mon fils sur discord tous les soirs.", Scope.PRIVATE),
        ("Un joueur lui a demandé de discuter sur telegram.", Scope.PRIVATE),
        (
            "Elle m'envoie des vocaux toute la nuit sur whatsapp pour me menacer.",
            Scope.PRIVATE,
        ),
    ],
)
def test_messages_written_on_an_app_are_private(text: str, scope: Scope) -> None:
    assert classify(report(text, where_seen="unknown")).scope is scope


def test_an_age_reached_is_the_victims_age() -> None:
    decision = classify(
        report(
            "Mon frère a eu 19 ans en mars ; un ancien collègue l'insulte chaque jour par SMS.",
            where_seen="private_message",
        )
    )
    assert decision.victim_minor is False


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Fasting contests and tricks to starve; someone lying still on a live; a rope kept ready
        # while the household falls asleep; the end announced in English; a prevention
        # association reporting a forum of methods (the reporter is no prevention content); a
        # past attempt told in detail.
        (
            (
                "Sur un serveur, des ados organisent un concours de maigreur et notent leurs "
                "journées sans manger."
            ),
            "public_group",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Des comptes donnent des astuces : mâcher et recracher, tu grossiras pas.",
            "video",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        (
            (
                "En direct sur Twitch le streamer s'est effondré au sol, il ne bouge plus depuis "
                "dix minutes."
            ),
            "video",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Mon ami garde une corde sous son lit et attend que sa famille dorme, il me l'a écrit.",
            "private_message",
            "endangerment",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "My friend's story says: I'm done with everything, tonight is the last time.",
            "public_post",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Nous sommes une association de prévention : un serveur public explique comment se "
                "suicider et pousse à passer à l'acte."
            ),
            "public_group",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Une chanteuse témoigne longuement de sa tentative de suicide dans un podcast.",
            "video",
            "endangerment",
            set(),
            False,
        ),
        # A mall to loot; copies said as such in English; names, addresses and phone numbers
        # listed.
        (
            "Message qui tourne : ce soir on dévalise la galerie marchande, venez nombreux.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            "Une boutique Instagram vend des ceintures Gucci, premium quality copy.",
            "public_post",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            (
                "Une page affiche les noms, adresses et numéros de téléphone de plusieurs "
                "collégiennes."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
    ],
)
def test_fasting_contests_people_lying_still_ropes_kept_ready_looting_and_copies(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A strike announced on a festival for Sunday evening; a partner beating her on a live; a
        # bomb said to be on a train; victims said to have deserved it, in the jihadist's words.
        (
            "Sur son compte il écrit qu'ils vont frapper le festival dimanche soir.",
            "video",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        # (The violence done is threats_violence too, as the labelled sets have a live assault in
        # 43 of 44: docs/vocabularies.md, "Threats and blows suffered, beatings put online".)
        (
            "Son copain la cogne en direct sur TikTok depuis cinq minutes.",
            "video",
            None,
            {Category.ENDANGERMENT, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un compte annonce une bombe dans le TGV de 7h12.",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "D'après un commentaire, les victimes du marché ont eu ce qu'elles méritaient et "
                "les mécréants paieront."
            ),
            "public_post",
            None,
            {Category.TERRORISM},
            False,
        ),
        # An aunt's joke said to be one; a state's propaganda; a party called a "tuerie"; an
        # accident called an attack by others; a report on jihadism; a satirical site; a strategy
        # video game.
        (
            (
                "Ma tante m'a dit que si je rate mon permis elle m'étrangle. Elle plaisantait, "
                "bien sûr."
            ),
            "sms",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Cette chaîne diffuse la propagande du gouvernement.",
            "website",
            "terrorism",
            set(),
            False,
        ),
        (
            "Samedi ce sera une vraie tuerie, c'est mon anniversaire !",
            "private_group",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Les commentaires crient que c'était un attentat mais c'était un accident de bus.",
            "public_post",
            "terrorism",
            set(),
            False,
        ),
        (
            "Un reportage sur le djihadisme montre des images d'attentats.",
            "video",
            "terrorism",
            set(),
            False,
        ),
        (
            "Un site satirique titre : un terroriste rate son attentat à cause des bouchons.",
            "website",
            "terrorism",
            set(),
            False,
        ),
        (
            "Un jeu de stratégie sur Steam où l'on pille des magasins pendant des émeutes.",
            "website",
            "incitement_offences",
            set(),
            False,
        ),
    ],
)
def test_markets_to_strike_bombs_on_trains_jokes_said_state_propaganda_and_satire(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A child asked to show his body and whether he is alone; a camera to turn on, in
        # English; a teenager offered money to receive clients; a teenager's own pool pictures.
        (
            (
                "Un joueur écrit à mon fils de 10 ans : t'es tout seul chez toi ? montre-moi ton "
                "ventre."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "A man in a kids' Discord asked my 9 year old sister to put her webcam on.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            (
                "Un homme propose à ma fille de 15 ans de recevoir des clients à l'hôtel contre de "
                "l'argent."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            (
                "Ma voisine de 16 ans met des photos d'elle en maillot à la piscine sur son "
                "compte, ça me gêne."
            ),
            "public_post",
            "child_sexual_abuse",
            set(),
            False,
        ),
        # A condom explained to teenagers is a lesson, whatever box was ticked.
        (
            "Le compte d'un planning familial montre aux lycéens comment utiliser un préservatif.",
            "video",
            "child_sexual_abuse",
            set(),
            False,
        ),
        # Pills already taken with a farewell; a streamer's address posted; a count of pictures
        # already reached; texts again and again after a block, in English; nettles to cut.
        (
            "Ma cousine m'écrit : adieu, pardon pour tout, j'ai avalé des somnifères.",
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Sur un site, un pseudo publie l'adresse de la streameuse et on se moque d'elle.",
            "website",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Un voisin poste des photos de moi pour se moquer de mes tenues, il y en a "
                "maintenant 30."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            "She texts me from other numbers after I blocked her, every night, calling me a loser.",
            "email",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Mon beau-frère écrit qu'il va flinguer les orties du jardin ce week-end.",
            "public_group",
            "threats_violence",
            set(),
            False,
        ),
    ],
)
def test_bodies_asked_of_children_easy_money_pills_taken_addresses_posted_and_hedges(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # The hour a message came is no time of a danger; sex filmed in secret and sent on; living
        # off benefits said of someone; a senator said to talk nonsense; gamers' taunts in a
        # combat game.
        (
            "Un SMS de son voisin vers 1h : t'es mort.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Il m'a enregistrée pendant nos rapports et a transféré la vidéo à ses potes.",
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Sur Facebook la gardienne écrit que je vis des aides sociales, une assistée.",
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "La sénatrice débite des bêtises, quelle nulle.",
            "video",
            "insult_defamation",
            set(),
            False,
        ),
        (
            "Sur un jeu de combat en ligne il hurle : je vais tous vous démolir, noob.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
    ],
)
def test_hours_of_voice_messages_sex_filmed_in_secret_benefits_and_noobs(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A town whose name starts like an insult; drug menus and round-the-clock delivery; "try
        # it" said of a drug; pictures of a child asked for in pyjamas, a meeting asked for; refund
        # delays and goods come damaged; a collection made with someone else's photos; calls to
        # stab; pills shown with a farewell; a scarf or a belt round the neck; a team to crush in
        # the next match; a child's photo put up with her name; arguments called poor; a fast's
        # length; money for a night offered to a girl; a killer called a saint; lying on the tracks.
        (
            "Ma collègue habite à Puteaux, elle a partagé une photo de son chien.",
            "public_post",
            "insult_defamation",
            set(),
            False,
        ),
        (
            "Une chaîne Telegram poste ses menus tous les soirs : beuh, shit et coke.",
            "public_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "A public channel posts its weed and coke, delivery 24/7 around Lyon.",
            "public_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "Une influenceuse sniffe de la coke en story et ajoute : essayez, ça change la vie.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            "A man on Minecraft keeps asking my son, 12, for selfies in his pyjamas.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "A grown man from Fortnite wants to meet my son, he is 11, behind the gym.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "The airline cancelled my flight and customer service says I must wait six weeks.",
            "website",
            "scam",
            set(),
            False,
        ),
        (
            "Tablette livrée avec l'écran fissuré, le vendeur tarde à me rembourser.",
            "private_message",
            "scam",
            set(),
            False,
        ),
        (
            "A GoFundMe for a sick child uses photos of my nephew, who is perfectly fine.",
            "website",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Posts on that forum are calling people to stab the bus drivers on strike.",
            "website",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "He shared a photo of all his pills with the words tonight's the night.",
            "public_post",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Sur TikTok des enfants d'une dizaine d'années se nouent une ceinture autour du "
                "cou pour tenir le plus longtemps."
            ),
            "video",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Le président du club a écrit : on va les écraser pour le match contre Rodez.",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Une mère a mis en ligne la photo de ma fille avec son prénom et sa classe.",
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Le maire défend son projet avec des arguments nuls, que des mensonges.",
            "public_post",
            "insult_defamation",
            set(),
            False,
        ),
        (
            "Un compte pro ana pousse ma fille de 14 ans à un jeûne de 72h.",
            "private_group",
            None,
            {Category.ENDANGERMENT},
            False,
        ),
        (
            "Des hommes lui proposent 150 € pour passer la nuit, elle a 15 ans.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            "He calls the shooter a saint and shares the video of the attack.",
            "public_post",
            None,
            {Category.TERRORISM},
            False,
        ),
        (
            "Mon frère a écrit qu'il va se coucher sur la voie ferrée ce soir.",
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
    ],
)
def test_towns_menus_pyjamas_refunds_collections_scarves_matches_and_tracks(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_calls_and_texts_after_a_post_are_the_private_side_of_a_mixed_case() -> None:
    text = (
        "A user put my address and phone number on a forum. Since then, calls and texts day "
        "and night."
    )
    assert classify(report(text, where_seen="website")).scope is Scope.MIXED


def test_and_ends_the_clause_of_an_english_negation() -> None:
    # "no reply" does not deny the threat that follows "and".
    decision = classify(
        report(
            "He got no reply and threatened to beat me up at school tomorrow.",
            where_seen="private_message",
        )
    )
    assert Category.THREATS_VIOLENCE in decision.categories


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Blades to bring to a meeting before a derby; "tu meurs" for a time to come; farewells
        # wished on a wife; enough to make a carnage; kneecaps to break; a beating is no threat to
        # life; what one would have done; office slang; kitchen knives; an address in a title; an
        # accident that happens fast; an amount debited and nothing sent; the "new number" message;
        # "so-called"; a message found genuine; ads from a stolen account; a last story.
        (
            (
                "Sur le canal des supporters : avant le derby de samedi, rendez-vous 16h devant "
                "la gare, ramenez vos battes."
            ),
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Il m'a écrit : demain à la sortie du taf tu meurs.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Mon ancien associé m'a envoyé : dis adieu à ta femme.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Un élève a dit sur Snap qu'il vient au lycée avec de quoi faire un carnage.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sous la vidéo de mon scooter un commentaire dit qu'il faut lui péter les rotules.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Le père d'un joueur lui a écrit : lundi je viens te tabasser.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Un streamer dit d'un chauffard sur la route : lui, je l'aurais explosé.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Notre manager a écrit sur Teams : jeudi on va TUER le pitch !",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Une boutique en ligne vend des couteaux de cuisine à 200 euros pièce.",
            "website",
            "illicit_trafficking",
            set(),
            False,
        ),
        (
            "Elle a mis mon adresse dans la légende de sa story.",
            "video",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Sous mon post il a écrit qu'un accident de chasse est vite arrivé.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Commande sur un site inconnu, 95 € débités, aucun colis reçu depuis un mois.",
            "website",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Un SMS : salut papa, c'est mon nouveau numéro, réponds sur WhatsApp.",
            "sms",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "A so-called US general asks my uncle for money on Telegram.",
            "email",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Un SMS de ma mutuelle, j'ai cru à une arnaque mais c'était bien elle.",
            "sms",
            "scam",
            set(),
            False,
        ),
        (
            ("Depuis que mon Facebook a été piraté il publie des publicités de baskets partout."),
            "public_group",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Un garçon a posté il y a 3 min : voici ma dernière story, je suis sur le pont.",
            "public_post",
            "endangerment",
            {Category.ENDANGERMENT},
            True,
        ),
    ],
)
def test_blades_before_a_derby_kneecaps_office_slang_new_numbers_and_last_stories(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # An ape sent back to the jungle, "beurette", a country to go back to; hate copied by a
        # paper, told in a testimony, shown in a history lesson or a documentary; a child at the
        # beach, a baby's bath, survivors' testimonies, a body no one may touch, sexuality
        # explained to teenagers; a shop's customer service giving the same reason every week.
        (
            (
                "Sous la photo du joueur un commentaire dit que ce singe ferait mieux de rester "
                "dans la jungle."
            ),
            "public_comment",
            None,
            {Category.HATE},
            False,
        ),
        (
            (
                "Un certain Marc a répondu à ma promotion : encore une beurette embauchée pour "
                "faire joli."
            ),
            "public_comment",
            None,
            {Category.HATE},
            False,
        ),
        (
            "Dans les commentaires on lui dit de retourner au Maroc, elle est née à Lille.",
            "public_comment",
            None,
            {Category.HATE},
            False,
        ),
        (
            "Le journal local reproduit mot pour mot les injures taguées sur la mosquée.",
            "website",
            "hate",
            set(),
            False,
        ),
        (
            (
                "Une association publie le témoignage d'une femme qui raconte son agression et les "
                "insultes homophobes entendues."
            ),
            "video",
            "hate",
            set(),
            False,
        ),
        (
            (
                "Un documentaire sur Arte consacré au génocide des Tutsis passe des extraits de "
                "radio qui appellent au meurtre."
            ),
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "La prof d'histoire a montré en classe des caricatures antisémites de l'époque "
                "pour expliquer la propagande."
            ),
            "website",
            "hate",
            set(),
            False,
        ),
        (
            (
                "Ma cousine poste des photos de ma fille de 4 ans en maillot à la plage sur son "
                "compte public."
            ),
            "public_post",
            "child_sexual_abuse",
            set(),
            False,
        ),
        (
            (
                "Une sage-femme explique sur YouTube comment donner le bain au bébé, le "
                "nourrisson est nu."
            ),
            "video",
            "child_sexual_abuse",
            set(),
            False,
        ),
        (
            "Un podcast recueille les témoignages de femmes victimes d'inceste dans leur enfance.",
            "website",
            "child_sexual_abuse",
            set(),
            False,
        ),
        (
            (
                "Une affiche de prévention dit aux petits que personne n'a le droit de toucher ton "
                "corps."
            ),
            "website",
            "child_sexual_abuse",
            set(),
            False,
        ),
        (
            ("Sur Instagram une sage-femme parle de sexualité aux lycéens."),
            "video",
            "child_sexual_abuse",
            set(),
            False,
        ),
        (
            (
                "Canapé commandé il y a deux mois, le service client me dit chaque semaine que "
                "c'est un retard fournisseur."
            ),
            "website",
            "scam",
            set(),
            False,
        ),
    ],
)
def test_apes_and_countries_hate_quoted_to_condemn_it_baths_lessons_and_late_sofas(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A moderator's removal; a club's till; a "poor stain"; a plumber's bill; a game's boss;
        # papers made to order, sick notes, phishing kits and look-ups for sale; paid jobs of a
        # deal spot offered to pupils; pills tested with reagents; a video call to be sent on.
        (
            (
                "La modératrice du groupe a supprimé mes commentaires et m'a bloquée, c'est de la "
                "censure."
            ),
            "public_group",
            "hate",
            set(),
            False,
        ),
        (
            (
                "Sur la page du club un ancien membre écrit que je pique dans la caisse depuis "
                "deux ans."
            ),
            "public_group",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "Le vendeur m'a répondu en commentaire : va te faire soigner, pauvre tache.",
            "public_comment",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            (
                "Le plombier m'a facturé 300 euros pour un joint qu'il n'a jamais changé, c'est de "
                "l'arnaque."
            ),
            "unknown",
            "scam",
            set(),
            False,
        ),
        (
            "Mon frère a posté : ce soir je le bute enfin, il parle du boss final d'Elden Ring.",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Un site propose la fabrication de passeports et de cartes grises, 600 € pièce.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "Un compte vend des arrêts maladie tamponnés, 30 € les 5 jours.",
            "public_post",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            "Un canal Telegram vend des scamas de banques et des listes de leads.",
            "public_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            (
                "Un inconnu sur Telegram veut me vendre un service de lookup : adresse, numéro et "
                "IBAN de n'importe qui."
            ),
            "private_message",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
        (
            ("Un compte TikTok propose des jobs payés de chouf et de nourrice aux ados."),
            "video",
            None,
            {Category.ILLICIT_TRAFFICKING, Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            "Un compte explique comment tester ses cachets avec des réactifs avant une soirée.",
            "public_post",
            "incitement_offences",
            set(),
            False,
        ),
        (
            "She recorded our video call and now wants 500 euros or she sends it to my family.",
            "private_message",
            None,
            {Category.SCAM},
            False,
        ),
    ],
)
def test_moderators_tills_bills_bosses_papers_look_ups_reagents_and_video_calls(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Sexual pictures and requests sent again and again to an adult; a match said to be the
        # reason; fake refunds taught.
        (
            "Depuis trois semaines un client m'envoie des photos de lui torse nu sur WhatsApp.",
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "He keeps sending me dick pics on Instagram, every night since October.",
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Sur Leboncoin un inconnu revient chaque jour depuis un mois et me demande de "
                "porter les collants que je vends."
            ),
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            ("Le capitaine a écrit : samedi on les écrase, c'est pour un match de hand."),
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Un groupe Telegram public donne des méthodes pour de faux remboursements Amazon.",
            "public_group",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
    ],
)
def test_unwanted_sexual_messages_matches_said_and_fake_refunds(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Pay or else; a car photographed at night again and again; loans taken in someone's name;
        # a couple's video put online; religions called doctrines; refunds without the parcel;
        # lawful CBD and pellet replicas; a beating shown as a lesson to snitches.
        (
            (
                "Il me dit que si je ne lui paie pas 600 euros il montre mes photos intimes à ma "
                "sœur."
            ),
            "private_message",
            None,
            {Category.CYBERHARASSMENT, Category.SCAM},
            False,
        ),
        (
            (
                "Depuis le divorce il m'envoie des photos de ma fenêtre prises le soir, la 5e "
                "fois ce mois ci."
            ),
            "sms",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Mon mari a contracté deux crédits à mon nom avec mes identifiants.",
            "email",
            None,
            {Category.SCAM},
            False,
        ),
        (
            "Ma copine a publié des photos de nous sur un site pour adultes sans me demander.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Un blog écrit que le judaïsme et l'islam sont des doctrines dépassées.",
            "website",
            "hate",
            set(),
            False,
        ),
        (
            ("Une vidéo explique comment se faire rembourser une robe sans retourner l'article."),
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
            False,
        ),
        (
            ("Un shop vend de la weed CBD, prix au gramme et livraison, THC sous le seuil légal."),
            "public_post",
            None,
            set(),
            False,
        ),
        (
            "Un magasin de jouets vend des fusils à billes, vente interdite aux mineurs.",
            "public_post",
            None,
            set(),
            False,
        ),
        (
            (
                "Une story montre un ado roué de coups, avec la légende : voilà ce qui arrive aux "
                "traîtres, le prochain ce sera toi."
            ),
            "video",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
    ],
)
def test_pay_or_else_cars_at_night_loans_in_her_name_doctrines_cbd_and_snitches(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_au_niveau_is_no_game_level() -> None:
    # "Au niveau de" means "as for": no level of a game excuses the threat that follows.
    decision = classify(
        report(
            "Au niveau du voisinage, il a écrit qu'il va tuer ma mère ce soir.",
            where_seen="private_message",
        )
    )
    assert Category.THREATS_VIOLENCE in decision.categories
    assert decision.imminent_danger


def test_a_term_that_ends_with_an_optional_word_matches_without_it() -> None:
    # Before, the word's separator was required: the term matched without the word only before
    # a comma or a sentence end.
    pattern = re.compile(pattern_source([compile_term("faux support (technique|microsoft)?", {})]))
    assert pattern.search(" un faux support m a appele ")
    assert pattern.search(" un faux support technique m a appele ")
    assert not pattern.search(" un faux supporter ")


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A bomb at a sentence end is no compliment; a sandwich praised as one is; a crook among
        # the names a customer calls a shopkeeper; a "balance ton lycée" account with its rumours.
        (
            "Sur le forum du village quelqu'un dit qu'il a caché une bombe. On a peur.",
            "public_post",
            "terrorism",
            {Category.TERRORISM},
            None,
        ),
        (
            "Leur nouveau sandwich, une vraie bombe au fromage fondu, foncez.",
            "public_post",
            "terrorism",
            set(),
            False,
        ),
        (
            "Un acheteur m'a écrit par mail : sale escroc, rends moi mon fric.",
            "email",
            "scam",
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            (
                "Le compte balancetonlycee_nord poste chaque jour des rumeurs sur des élèves "
                "cités par leur nom : une telle serait une fille facile, un autre pue la crasse."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            False,
        ),
    ],
)
def test_bombs_at_a_sentence_end_crooks_as_names_and_accounts_that_expose_pupils(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "victim_minor"),
    [
        # A gaming channel is no child's (the adult's age given in brackets is no victim's age
        # either: unknown); an age range gives the oldest.
        (
            (
                "Une streameuse (27 ans) reçoit sous ses vidéos gaming : retourne à la cuisine "
                "sale chienne, tous les jours."
            ),
            "video",
            None,
        ),
        (
            "Un compte insulte des jeunes de 15 à 16 ans du quartier : bande de cons, sales rats.",
            "public_post",
            True,
        ),
    ],
)
def test_gaming_is_no_child_and_an_age_range_gives_the_oldest(
    text: str, where: str, victim_minor: bool | None
) -> None:
    decision = classify(report(text, where_seen=where, category_hint="insult_defamation"))
    assert decision.victim_minor is victim_minor


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # The condition first, then the pictures posted: a blackmail written to its victim; a
        # Telegram channel is broadcast; someone called by a name is no phone call.
        (
            (
                "J'ai 14 ans, un type sur snap dit que si je lui verse pas 100 euros il la "
                "publie sur tiktok."
            ),
            "public_post",
            Scope.PRIVATE,
        ),
        (
            "Un canal Telegram propose des pistolets avec les tarifs, 3000 abonnés.",
            "private_group",
            Scope.PUBLIC,
        ),
        (
            (
                "Mon fils est trans ; un youtubeur l'appelle par son ancien prénom dans chaque "
                "vidéo et se moque de lui."
            ),
            "video",
            Scope.PUBLIC,
        ),
    ],
)
def test_blackmail_told_condition_first_telegram_channels_and_names_called(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A police stamp on a message that accuses to frighten; a remote-control app installed for
        # a caller; an attack called the best day of a life, praise said in English; a motorway
        # crossed on a dare; a teacher "killed" at a sport; a child's picture asked half-dressed.
        (
            (
                "Reçu un courriel portant le tampon de la police qui m'accuse de pédopornographie "
                "et exige une amende sous 48h, évidemment une arnaque."
            ),
            "email",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Un inconnu au téléphone m'a fait installer AnyDesk puis a pris la main sur mon "
                "ordinateur."
            ),
            "private_message",
            None,
            {Category.SCAM},
            False,
        ),
        (
            (
                "Sur un serveur Fortnite un joueur partage la vidéo de la tuerie de Christchurch "
                "en disant que c'était le plus beau jour de sa vie."
            ),
            "public_group",
            None,
            {Category.TERRORISM},
            False,
        ),
        (
            "A page keeps praising the Bataclan attack as glorious resistance.",
            "public_post",
            None,
            {Category.TERRORISM},
            False,
        ),
        (
            (
                "Dans le groupe de la classe, ils se défient de traverser l'autoroute à pied ce "
                "soir à 23h, j'ai peur qu'ils meurent."
            ),
            "private_group",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Il a écrit « jeudi je vais défoncer le prof d'anglais au tennis ».",
            "public_post",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Dans le salon d'un jeu, un joueur réclame aux enfants une photo sans t-shirt "
                "contre des gemmes."
            ),
            "public_group",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
    ],
)
def test_police_stamps_remote_apps_best_days_motorway_dares_and_shirtless_pictures(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # A public account asking for more pictures in DM; a page named in English, then a chat.
        (
            (
                "Un compte public poste des photos volées de lycéennes et demande d'envoyer "
                "d'autres photos en DM."
            ),
            "public_post",
            Scope.PUBLIC,
        ),
        (
            (
                "I found the flat on the Facebook page 'Sunny Lets', then we talked on WhatsApp "
                "and I paid the deposit."
            ),
            "public_post",
            Scope.MIXED,
        ),
    ],
)
def test_calls_to_send_in_dm_and_english_pages(text: str, where: str, scope: Scope) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Not to be seen again, said without "ne"; intimate pictures sent to colleagues; guns asked
        # for on the way to a mosque; a suicide bombing announced; bots selling a
        # survey app (a survey is no poll about someone); nobody insulted; a message received,
        # reposted to denounce it.
        (
            "Ma collègue a posté en story : demain vous me verrez plus, adieu.",
            "public_post",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Mon ex a envoyé des photos de moi nue prises pendant nos vacances à trois de mes "
                "collègues."
            ),
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            (
                "Dans un groupe privé ils parlent d'aller à la mosquée vendredi pendant la prière "
                "et demandent qui a des fusils."
            ),
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Un compte écrit : ce soir je me fais exploser au stade pour le califat.",
            "public_post",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Des bots qui commentent sous mes vidéos : gagnez 300 euros par jour avec une "
                "appli de sondages, lien en bio."
            ),
            "public_comment",
            None,
            {Category.SPAM},
            False,
        ),
        (
            "Ce youtubeur critique les végans, il insulte personne mais je trouve ça limite.",
            "video",
            "insult_defamation",
            set(),
            False,
        ),
        (
            (
                "Ma cousine a partagé la capture d'un message raciste reçu en écrivant : voilà ce "
                "qu'on subit encore."
            ),
            "public_post",
            "hate",
            set(),
            False,
        ),
    ],
)
def test_farewells_without_ne_bombers_survey_bots_nobody_insulted_and_denunciations(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_a_streamer_given_an_age_is_the_victim() -> None:
    decision = classify(
        report(
            "Des comptes insultent une streameuse de 14 ans à chaque live.",
            where_seen="video",
            category_hint="insult_defamation",
        )
    )
    assert decision.victim_minor is True


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Mixed couples and apes; a child asked if alone and to show her body on camera; food
        # praised and a buffet "massacred"; fake accounts posting ads with a promo code; an English
        # "is dead" with tonight; a relative to be stabbed at a wedding; brains blown out, in
        # slang; a report card that will "kill"; a boss's way of talking; an adult reporter who
        # ticked the child abuse box.
        (
            (
                "Sous notre photo de fiançailles quelqu'un a écrit : un blanc qui se marie avec "
                "une noire, bientôt des singes partout."
            ),
            "public_comment",
            None,
            {Category.HATE},
            False,
        ),
        (
            (
                "Un inconnu sur un jeu demande à ma fille de 10 ans si elle est toute seule à la "
                "maison et d'allumer la caméra pour lui montrer son corps."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            (
                "Sur la page du resto : cette pizza est une tuerie, je vais massacrer le buffet ce "
                "midi."
            ),
            "public_comment",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Depuis des jours des faux comptes postent sous mes vidéos des pubs pour une appli "
                "de paris avec un code promo."
            ),
            "public_comment",
            None,
            {Category.SPAM},
            False,
        ),
        (
            "My ex texted: I'm at the pub tonight and your new girlfriend is dead.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Mon cousin a écrit qu'il viendrait planter mon père samedi soir au mariage.",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Mon copain m'écrit qu'il va se faire sauter le caisson cette nuit.",
            "sms",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Ma mère a dit qu'elle allait me tuer quand elle verra mes notes lol",
            "unknown",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Mon chef m'écrit qu'il va me tuer si le rapport n'est pas fini ce soir, c'est sa "
                "façon de parler."
            ),
            "private_message",
            "threats_violence",
            set(),
            False,
        ),
        (
            "Je suis majeure, 25 ans : mon ex a diffusé mes photos intimes dans un groupe public.",
            "public_group",
            "child_sexual_abuse",
            {Category.CYBERHARASSMENT},
            False,
        ),
    ],
)
def test_mixed_couples_cameras_buffets_promo_bots_pubs_weddings_report_cards_and_bosses(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # A group's size is its audience, not its authors; a child called a glutton; a duck
        # "massacred" in a kitchen; a victim of an attack said to deserve it; a director accused of
        # improper touching; silent calls to a woman who lives alone; insults in a stairwell,
        # nothing online; harm reduction; diplomas sold.
        (
            (
                "Ma voisine écrit dans le groupe du village qu'il y a 900 personnes dans le groupe "
                "et que je trompe mon mari, c'est faux."
            ),
            "public_group",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            (
                "Des garçons de sa classe ont mis sur TikTok une photo de ma fille de 12 ans qui "
                "mange, avec la légende la goinfre de la 5e."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
            False,
        ),
        (
            "La vidéo d'un cuisinier : on va massacrer ce canard et lui arracher les ailes.",
            "video",
            "threats_violence",
            set(),
            False,
        ),
        (
            (
                "Sous une vidéo sur l'attentat de Conflans, quelqu'un commente : bien fait pour le "
                "professeur."
            ),
            "public_comment",
            None,
            {Category.TERRORISM},
            False,
        ),
        (
            (
                "Dans le groupe des parents une mère a écrit que la directrice aurait eu des "
                "gestes déplacés, c'est faux."
            ),
            "private_group",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
        (
            "Appels masqués chaque nuit, personne ne parle. J'habite seule et j'ai peur.",
            "sms",
            None,
            {Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Mon voisin m'a insulté dans l'escalier tous les soirs cette semaine.",
            "unknown",
            None,
            set(),
            False,
        ),
        (
            (
                "Un site d'association explique comment réduire les risques quand on prend de la "
                "kétamine, tester ses produits."
            ),
            "website",
            "incitement_offences",
            set(),
            False,
        ),
        (
            "Un site vend des diplômes de master reconnus, sans examen, livrés en deux semaines.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
            False,
        ),
    ],
)
def test_audiences_gluttons_ducks_deserved_attacks_stairwells_harm_reduction_and_diplomas(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        # La Poste in a phishing link is no posting; prices in DM or WhatsApp are an ad's call.
        (
            "Reçu un SMS : votre colis est bloqué, payez 2 euros sur la-poste-colis-fr.net",
            "unknown",
            Scope.PRIVATE,
        ),
        (
            "Un compte Instagram vend des sacs copies, prix en MP ou WhatsApp.",
            "public_post",
            Scope.PUBLIC,
        ),
    ],
)
def test_la_poste_is_no_posting_and_prices_in_dm_are_an_ad(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # In English: an attack to copy, named with a place and a day; child abuse material in
        # shorthand; someone lying still on a live stream. A fraud someone is said to have been
        # jailed for is an accusation, said false: defamation, no fraud.
        (
            (
                "Someone on a gaming server says he will do a Nice on the seafront this Sunday "
                "with a truck."
            ),
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "A channel sells CP mega links for bitcoin.",
            "public_group",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            (
                "He is live right now on Kick, he drank a whole bottle and is lying on the floor "
                "not moving."
            ),
            "video",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Un thread affirme que mon client a fait de la prison pour escroquerie ; ces faits "
                "sont inexistants."
            ),
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
            False,
        ),
    ],
)
def test_attacks_to_copy_cp_links_still_streamers_and_frauds_imputed(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent)


def test_brains_blown_out_by_someone_else_are_a_threat_not_a_suicide() -> None:
    decision = classify(
        report(
            "Il m'a dit qu'il allait me faire sauter la cervelle ce soir.",
            where_seen="sms",
        )
    )
    assert set(decision.categories) == {Category.THREATS_VIOLENCE}
    assert decision.imminent_danger


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        # Praise of an attack in its authors' words; an attack announced in the style of a named
        # one, or as "an operation" by a jihadist channel; a call to "pay a visit" and make people
        # pay; vigilantes' lists of names and addresses.
        (
            (
                "Un compte poste pour l'anniversaire du 7 octobre : gloire aux martyrs du déluge "
                "d'Al-Aqsa, une opération héroïque."
            ),
            "public_post",
            None,
            {Category.TERRORISM},
            False,
        ),
        (
            "Sur un serveur quelqu'un annonce une tuerie façon Columbine dans son lycée.",
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            None,
        ),
        (
            (
                "Un canal djihadiste annonce une « opération » contre le marché de Noël ce samedi "
                "soir."
            ),
            "public_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Un post appelle à aller rendre visite aux musulmans de la mosquée du quartier "
                "pour leur faire payer."
            ),
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.HATE},
            False,
        ),
        (
            (
                "La page publie les noms, adresses et photos de prétendus voleurs : faites-vous "
                "justice vous-mêmes."
            ),
            "public_post",
            None,
            {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT},
            False,
        ),
        # Threats: a named school to blow up, a suicide with someone taken along, coming to work
        # "with what it takes", people wished burnt inside, the next one named, lead promised, a
        # call to beat whoever meets someone, blows heard live.
        (
            "Sur Snap un élève a écrit que le lycée Voltaire va sauter la semaine prochaine.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Ma cousine m'a écrit qu'elle allait se suicider et qu'elle m'emmènerait avec elle.",
            "sms",
            None,
            {Category.THREATS_VIOLENCE, Category.ENDANGERMENT},
            False,
        ),
        (
            "Il a écrit : mardi je passe au bureau avec de quoi faire le ménage.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Sous l'article sur l'incendie de la mairie : « dommage que les élus n'étaient pas "
                "dedans »."
            ),
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sous ma vidéo un inconnu a écrit : la prochaine fois c'est toi que je tue.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Un homme au bar a dit qu'il allait lui mettre du plomb dans la tête.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Un post dit : si vous croisez ce type, tabassez-le.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
            False,
        ),
        (
            "Sur Telegram : « le marché de Noël de Colmar va sauter samedi ».",
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Someone in the town group wrote: tonight we burn the shelter down with them inside.",
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Mon voisin est en live en ce moment, on entend des coups et sa compagne pleure.",
            "video",
            None,
            {Category.ENDANGERMENT, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            "Il se filme en live, il roule à 180 en ville complètement bourré.",
            "video",
            None,
            {Category.ENDANGERMENT},
            None,
        ),
    ],
)
def test_attacks_announced_threats_in_other_words_and_vigilantes(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, hint, categories, imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Doxxing told in other words: a number and an address, a workplace, an address and an
        # IP; intimate pictures sent to relatives named first, or found on a voyeurs' site.
        (
            "Il a publié mon adresse et mon numéro de téléphone sur un forum public.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Un compte a publié le numéro de téléphone et l'adresse d'une lycéenne avec « "
                "allez la voir »."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            "Un forum donne l'adresse du cabinet où elle travaille avec ses photos.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            "Ils ont balancé mon adresse et mon IP sur le serveur après la partie.",
            "public_group",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            "Mon ancien compagnon a envoyé à toute ma famille des photos de moi nue.",
            "private_message",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "J'ai trouvé sur un site de voyeurs des photos de moi nue prises dans la cabine "
                "d'une piscine."
            ),
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # Hate: peoples by origin, monkey cries, a caricature's kippa; "en dehors de" is no
        # "dehors!".
        (
            "Un compte publie « les sales kurdes dehors ».",
            "public_post",
            None,
            {Category.HATE},
        ),
        (
            (
                "Dans les tribunes des supporters ont fait des cris de singe à un joueur, la vidéo "
                "tourne sur Twitter."
            ),
            "video",
            None,
            {Category.HATE},
        ),
        # Trade and fraud: logins sold in bulk, refunds without sending anything back, a small
        # fee asked for a parcel, a blackmail whose condition the victim tells, defamation of a
        # shop by a theft from its customers.
        (
            (
                "Sur un canal Telegram on vend les identifiants et mots de passe des salariés de "
                "la mairie."
            ),
            "public_group",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Une vidéo explique comment se faire rembourser ses commandes sans rien renvoyer.",
            "video",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "SMS : votre colis est bloqué, 2,50 € de frais de port à régler, cliquez ici.",
            "sms",
            None,
            {Category.SCAM},
        ),
        (
            "Ce mec dit qu'il envoie la vidéo à ma famille si je lui verse pas 300 euros.",
            "private_message",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Un faux avis Google prétend que notre pharmacie vole les médicaments des "
                "patients, c'est faux."
            ),
            "website",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        # A name given with the street; a star of David on banknotes; a body filmed and mocked;
        # a pupil put back in the group he left.
        (
            (
                "Un ex-collègue a posté sur Facebook une photo de moi avec mon nom complet et le "
                "nom de ma rue."
            ),
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Une page publie des dessins de nez crochus avec des étoiles de David sur des "
                "liasses de billets."
            ),
            "public_post",
            None,
            {Category.HATE},
        ),
        (
            (
                "Un type a filmé mes fesses à la piscine et l'a posté sur Insta avec « regardez la "
                "baleine »."
            ),
            "video",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Ma fille a quitté le groupe mais ils l'ont rajoutée et continuent de se moquer "
                "d'elle tous les jours."
            ),
            "private_group",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
        ),
        # Private videos in a swimsuit asked of a child for money; beheading videos and a call
        # to join; an ableist slur on people with a disability.
        (
            (
                "A man keeps asking my 12 year old niece for private videos in her swimsuit and "
                "offers 30 euros per video."
            ),
            "public_comment",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Sur un groupe public quelqu'un poste des vidéos de décapitations de Daech et "
                "écrit « les mécréants finiront ainsi, rejoignez-nous »."
            ),
            "public_group",
            None,
            {Category.TERRORISM},
        ),
        (
            "Un compte poste des montages de personnes autistes avec « ces gogols » en légende.",
            "public_post",
            None,
            {Category.HATE},
        ),
        # A naked video call pressed on a child; a child offered money to be "nice to
        # gentlemen"; sexual montages made with AI of a real person; an attack of a given year
        # to be finished.
        (
            (
                "A man who says he is 15 keeps asking my daughter (13) for a video call with no "
                "clothes."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Un compte a proposé à ma fille de 15 ans 300 euros la soirée pour être gentille "
                "avec des messieurs."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Sur un forum des gens partagent des montages pornos faits avec l'IA d'une "
                "youtubeuse, avec son visage."
            ),
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "« Allahu akbar, samedi au marché de Noël de Lille on finit le travail de 2018 » a "
                "écrit un compte."
            ),
            "public_comment",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
        ),
        # An intimate video of a couple put online; an employer given with an address; one's
        # stolen scooter found on sale; a protected bird in an ad.
        (
            (
                "Mon ex a mis en ligne une vidéo intime de nous sur un site et l'a envoyée à mes "
                "collègues."
            ),
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Dans ses vidéos publiques il donne le nom de son employeur et son adresse à ses "
                "abonnés."
            ),
            "video",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            "On m'a volé ma trottinette, je viens de la retrouver en vente sur Leboncoin.",
            "unknown",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            "Annonce : perroquets gris du Gabon, 500 euros pièce, sans papiers.",
            "website",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        # The price of medicines is a public matter; a licensed breeder's papers; a site about
        # protected species offers none.
        ("Un article critique le prix des médicaments en France.", "website", None, set()),
        (
            "Un site de la LPO explique les espèces protégées de nos jardins.",
            "website",
            None,
            set(),
        ),
        (
            "Un éleveur propose des serpents avec certificat de capacité, c'est légal ?",
            "website",
            "illicit_trafficking",
            set(),
        ),
        # An adult creator's advertising is spam, children named only as the network's audience.
        (
            (
                "Une actrice X fait de la pub pour son site avec des photos en lingerie alors "
                "qu'il y a des enfants sur ce réseau."
            ),
            "public_post",
            "child_sexual_abuse",
            {Category.SPAM},
        ),
        # A workout that "kills"; performers said to be adults; a puberty video with the child
        # abuse box ticked.
        (
            "Mon coloc a posté en story « ce soir je me tue à la salle ».",
            "public_post",
            "endangerment",
            set(),
        ),
        (
            (
                "Sur un site pour adultes il y a une catégorie « étudiante », c'est écrit que "
                "tout le monde est majeur, ça me choque."
            ),
            "website",
            "child_sexual_abuse",
            set(),
        ),
        (
            (
                "Une vidéo YouTube explique aux ados la puberté et la contraception, c'est de la "
                "pédophilie selon moi."
            ),
            "video",
            "child_sexual_abuse",
            set(),
        ),
        # Violent or offensive words about no one: a chain message's curse, a series to
        # "massacre", everyone to "kill" at a blind test, a reform to "shoot", a lawsuit
        # threatened, vaccines called a scam, jokes called stupid, a friendship ended.
        (
            (
                "Mon fils a reçu : « si tu ne transfères pas ce message à 20 personnes, une dame "
                "viendra te tuer cette nuit »."
            ),
            "private_message",
            "threats_violence",
            set(),
        ),
        (
            "ce soir je vais massacrer la saison 3 avec des chips",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Ma cousine a écrit qu'elle allait tuer tout le monde au blind test ce soir.",
            "public_post",
            "threats_violence",
            set(),
        ),
        (
            "Un chroniqueur veut torpiller la réforme et achever le gouvernement.",
            "video",
            "threats_violence",
            set(),
        ),
        (
            "Mon ex menace de porter plainte contre moi pour la garde.",
            "sms",
            "threats_violence",
            set(),
        ),
        ("Un youtubeur répète que les vaccins c'est de l'arnaque.", "video", "scam", set()),
        (
            (
                "Dans un groupe de classe ils s'envoient des vidéos de blagues débiles toute la "
                "nuit, rien de grave."
            ),
            "private_group",
            "insult_defamation",
            set(),
        ),
        (
            "Mon pote m'a écrit « t'es mort pour moi » parce que je suis pas venu.",
            "private_message",
            "threats_violence",
            set(),
        ),
        (
            "Un commentaire dit que les clubs de sport sont des repaires de pédophiles.",
            "public_comment",
            None,
            set(),
        ),
    ],
)
def test_doxxing_hate_fraud_and_violent_words_about_no_one(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


def test_a_seller_giving_his_number_is_no_doxxing_and_his_seniority_no_age() -> None:
    gave = classify(
        report(
            "Le vendeur m'a donné son numéro WhatsApp pour finir la vente.",
            where_seen="private_message",
            category_hint="scam",
        )
    )
    assert Category.CYBERHARASSMENT not in gave.categories
    seniority = classify(
        report(
            "Le vendeur a 15 ans d'ancienneté sur le site, je me méfie quand même.",
            where_seen="website",
        )
    )
    assert seniority.victim_minor is None


def test_name_calling_with_words_between_is_no_terrorism() -> None:
    decision = classify(
        report(
            "Sur le groupe de la promo deux étudiants traitent sans arrêt une fille de la classe "
            "de « terroriste ».",
            where_seen="private_group",
            category_hint="terrorism",
        )
    )
    assert Category.TERRORISM not in decision.categories
    assert Category.INSULT_DEFAMATION in decision.categories


@pytest.mark.parametrize(
    ("text", "where", "scope"),
    [
        (
            (
                "J'ai parlé plusieurs semaines avec un homme sur un site de rencontre, maintenant "
                "il exige 300 euros sinon il diffuse nos échanges."
            ),
            "unknown",
            Scope.PRIVATE,
        ),
        (
            (
                "Ma fille a 14 ans, j'ai lu ses conversations Snapchat : un homme lui demande des "
                "photos."
            ),
            "unknown",
            Scope.PRIVATE,
        ),
        (
            (
                "Depuis un mois je reçois sur Grindr et sur Insta des messages d'insultes de "
                "plusieurs comptes."
            ),
            "unknown",
            Scope.PRIVATE,
        ),
    ],
)
def test_a_dating_site_and_messages_received_on_apps_are_private(
    text: str, where: str, scope: Scope
) -> None:
    assert classify(report(text, where_seen=where)).scope is scope


def test_people_who_passed_a_post_on_are_no_authors() -> None:
    decision = classify(
        report(
            "Publication d'un élu sur la sécurité ; plusieurs internautes nous l'ont signalée, "
            "elle ne contient aucune insulte.",
            where_seen="public_post",
            category_hint="hate",
        )
    )
    assert Category.CYBERHARASSMENT not in decision.categories


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        (
            (
                "Sur Facebook, un collectif appelle à manifester dimanche devant la préfecture "
                "pour les retraites."
            ),
            "public_post",
            "incitement_offences",
        ),
        (
            "Des abonnés disent sur YouTube que ma chaîne est nulle et que je fais du putaclic.",
            "video",
            "insult_defamation",
        ),
        (
            (
                "Après la défaite, des supporters écrivent « entraîneur incompétent, démission » "
                "et « il a tué le club »."
            ),
            "public_comment",
            "threats_violence",
        ),
    ],
)
def test_a_call_to_protest_a_channel_judged_and_a_coach_told_to_resign_are_no_offences(
    text: str, where: str, hint: str
) -> None:
    assert_decided(text, where, hint, set())


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        (
            (
                "Un type a filmé ma maison et l'a mise sur TikTok en écrivant « c'est ici qu'elle "
                "habite, allez la voir »."
            ),
            "video",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            (
                "Sur la page du club de pétanque, quelqu'un écrit que le trésorier a tapé 3 000 "
                "euros dans la caisse. C'est faux."
            ),
            "public_post",
            "insult_defamation",
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Il m'a écrit sur Messenger qu'il me tordrait le cou si je parlais.",
            "private_message",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Un ancien élève a écrit sur Insta que la CPE ne sortira pas vivante du lycée.",
            "public_post",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "Un forum explique qu'il faut saboter les câbles des antennes relais pour bloquer "
                "la ville."
            ),
            "website",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
    ],
)
def test_a_door_filmed_a_till_robbed_a_neck_wrung_and_cables_sabotaged(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        (
            (
                "Mon voisin était sur un live : il dit qu'il a noué la corde et qu'il le fait dans "
                "dix minutes."
            ),
            "video",
            None,
            {Category.ENDANGERMENT},
        ),
        (
            (
                "Ma sœur m'envoie des SMS en ce moment : son copain l'a séquestrée dans la salle "
                "de bain et la cogne."
            ),
            "private_message",
            "threats_violence",
            {Category.THREATS_VIOLENCE},
        ),
        # A bedroom is no sport talk ("il me chambre" is).
        (
            "Mon ex m'écrit qu'il viendra ce soir me tuer dans ma chambre.",
            "private_message",
            "threats_violence",
            {Category.THREATS_VIOLENCE},
        ),
    ],
)
def test_a_rope_tied_someone_locked_in_and_beaten_and_a_bedroom_are_imminent(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories, imminent=True)


def test_a_name_an_age_and_a_school_year_make_the_victim_a_minor() -> None:
    decision = classify(
        report(
            "Théo, 12 ans, en 6e : des garçons l'insultent tous les jours sur un groupe WhatsApp.",
            where_seen="private_group",
            victim={"is_minor": False},
        )
    )
    assert decision.victim_minor is True


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories", "imminent"),
    [
        (
            (
                "Dans un groupe Discord, un gars a dit qu'il allait faire sauter le marché de "
                "Noël de Colmar dimanche après-midi."
            ),
            "private_group",
            None,
            {Category.TERRORISM, Category.THREATS_VIOLENCE},
            True,
        ),
        (
            (
                "Ma copine m'a écrit hier soir qu'elle se jetterait du pont demain matin, je suis "
                "terrifié."
            ),
            "private_message",
            None,
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Un adulte écrit à mon fils de 13 ans sur Instagram et veut acheter des photos de "
                "ses pieds, il propose 20 euros."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
            False,
        ),
        (
            (
                "Un compte propose un robot de trading qui double votre capital, il faut faire un "
                "virement de 500 euros pour commencer."
            ),
            "public_post",
            None,
            {Category.SCAM},
            False,
        ),
    ],
)
def test_a_fair_to_blow_up_a_jump_in_the_conditional_feet_and_a_trading_robot(
    text: str, where: str, hint: str | None, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, hint, categories, imminent=imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        (
            "Le magasin de meubles poste : « massacre sur les prix, tuerie garantie ce samedi ! »",
            "public_post",
            "threats_violence",
        ),
        (
            (
                "Ma belle-mère cuisine pour 20 personnes et une humoriste se moque d'elle "
                "gentiment dans une vidéo."
            ),
            "video",
            None,
        ),
        (
            (
                "Sur X, un militant écrit que le régime iranien exécute des opposants et appelle "
                "au boycott."
            ),
            "public_post",
            "hate",
        ),
        (
            (
                "Un reportage sur la montée des agressions homophobes montre un tag « mort aux "
                "pédés » sur un mur."
            ),
            "website",
            "hate",
        ),
    ],
)
def test_prices_massacred_guests_a_foreign_regime_and_a_report_on_hate_are_no_offences(
    text: str, where: str, hint: str | None
) -> None:
    assert_decided(text, where, hint, set())


def test_one_of_a_teachers_pupils_is_a_minor() -> None:
    decision = classify(
        report(
            "Je suis prof d'EPS, une de mes élèves de 5e reçoit des insultes tous les jours sur "
            "Snapchat.",
            where_seen="private_message",
        )
    )
    assert decision.victim_minor is True


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            (
                "Des garçons l'insultent dans le groupe Snap de la classe, et un compte Instagram "
                "@honte_du_bahut a été ouvert pour poster ses photos."
            ),
            "private_group",
        ),
        (
            (
                "Ils ont filmé la bagarre, l'ont envoyée dans leur groupe WhatsApp puis sur un "
                "compte TikTok."
            ),
            "private_group",
        ),
        (
            (
                "Un compte vend des armes en story publique ; je lui ai écris pour voir et il m'a "
                "proposé un pistolet."
            ),
            "public_post",
        ),
    ],
)
def test_an_account_that_posts_beside_a_private_group_is_a_public_part(
    text: str, where: str
) -> None:
    assert classify(report(text, where_seen=where)).scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        (
            (
                "Mon cousin a mis en story : « ce soir à minuit c'est terminé pour moi ». Il ne "
                "répond plus."
            ),
            "public_post",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "My brother texted that he will take all his pills tonight, please help.",
            "sms",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            "Mon amie a écrit sur son Insta « je serai plus là demain, pardon à tous ».",
            "public_post",
            {Category.ENDANGERMENT},
            True,
        ),
        (
            (
                "Depuis un mois un inconnu écrit à ma fille de 14 ans qu'elle devrait disparaître "
                "et lui demande de lui promettre une date."
            ),
            "private_message",
            {Category.ENDANGERMENT, Category.CYBERHARASSMENT},
            False,
        ),
        (
            "Une influenceuse conseille un jeûne sec de cinq jours pour « nettoyer le corps ».",
            "video",
            {Category.ENDANGERMENT},
            False,
        ),
    ],
)
def test_an_end_announced_pills_tonight_a_date_to_promise_and_a_dry_fast(
    text: str, where: str, categories: set[Category], imminent: bool
) -> None:
    assert_decided(text, where, None, categories, imminent=imminent)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        (
            (
                "I ordered shoes from an Instagram ad, paid, and got nothing. The shop is not the "
                "real brand."
            ),
            "public_post",
            None,
            {Category.SCAM},
        ),
        (
            (
                "Sous mes posts, des comptes écrivent « merci à Mme Durand pour mes gains en "
                "crypto, écrivez-lui sur WhatsApp »."
            ),
            "public_comment",
            "spam",
            {Category.SCAM},
        ),
        # The fake officer's "trafficking" is the scam's pretext.
        (
            (
                "Un faux gendarme m'a appelé pour dire que mon compte servait à des trafiquants et "
                "qu'il fallait donner mon code à un coursier."
            ),
            "sms",
            "scam",
            {Category.SCAM},
        ),
    ],
)
def test_nothing_delivered_gains_thanked_and_a_fake_officers_pretext(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        (
            (
                "La nouvelle pub de prévention sur le harcèlement montre une ado au bord d'un "
                "toit, c'est trop dur."
            ),
            "video",
            "endangerment",
        ),
        (
            "Une créatrice raconte ses années d'anorexie et dit qu'elle est guérie, ça me choque.",
            "video",
            "endangerment",
        ),
        (
            (
                "J'avais signalé une boutique comme arnaque mais finalement ma commande est "
                "arrivée, vous pouvez annuler mon signalement."
            ),
            "website",
            "scam",
        ),
        (
            (
                "Dans sa vidéo de cuisine, le chef dit qu'on massacre les tomates et qu'on "
                "décapite les poivrons."
            ),
            "video",
            "threats_violence",
        ),
        (
            (
                "Un élu a posté que la réforme des retraites est juste, c'est honteux, il faut le "
                "supprimer."
            ),
            "public_post",
            "incitement_offences",
        ),
        # Spoken French drops the "ne".
        (
            (
                "Mon voisin me parle mal mais il m'insulte pas, il me menace jamais, c'est juste "
                "désagréable."
            ),
            "private_message",
            "insult_defamation",
        ),
    ],
)
def test_prevention_recovery_a_parcel_come_a_recipe_a_reform_and_a_spoken_denial(
    text: str, where: str, hint: str
) -> None:
    assert_decided(text, where, hint, set())


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A fake summons accuses its target of terrorism to extort a fine.
        (
            (
                "J'ai reçu un mail de la « police judiciaire » : je serais poursuivi pour "
                "apologie du terrorisme et je dois payer 1500 € d'amende sous 48h."
            ),
            "email",
            "terrorism",
            {Category.SCAM},
        ),
        (
            "Un site d'info raconte le procès d'un djihadiste et cite ses messages dans l'article.",
            "website",
            "terrorism",
            set(),
        ),
        (
            "Un documentaire sur Arte montre des images de Daech pour expliquer la radicalisation.",
            "video",
            "terrorism",
            set(),
        ),
        (
            (
                "Sous la vidéo d'un baiser entre deux femmes, des dizaines de commentaires disent "
                "« il faut les soigner »."
            ),
            "public_comment",
            None,
            {Category.HATE},
        ),
        (
            "A guy keeps sending me catalogues of replica watches on WhatsApp, 1:1 copies.",
            "private_message",
            None,
            {Category.ILLICIT_TRAFFICKING},
        ),
        (
            (
                "Ordered a jacket online, wrong size, and customer service won't answer about the "
                "refund."
            ),
            "website",
            "scam",
            set(),
        ),
        (
            (
                "My neighbour posted in the residents' Facebook group that we are drug dealers. "
                "It's a lie."
            ),
            "public_group",
            None,
            {Category.INSULT_DEFAMATION},
        ),
    ],
)
def test_a_fake_summons_the_news_a_documentary_a_wedding_replicas_and_dealers_said(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "imminent"),
    [
        ("Le rabbin a reçu un SMS : « samedi la synagogue va sauter ».", "sms", None, True),
        # A trend that goes round "en ce moment" is no date of a danger.
        (
            (
                "Il y a une tendance sur TikTok en ce moment : des ados retiennent leur souffle "
                "jusqu'à s'évanouir."
            ),
            "video",
            "endangerment",
            False,
        ),
    ],
)
def test_a_place_of_worship_to_blow_up_and_a_trend_of_the_moment(
    text: str, where: str, hint: str | None, imminent: bool
) -> None:
    assert classify(report(text, where_seen=where, category_hint=hint)).imminent_danger is imminent


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        (
            (
                "My ex keeps posting on Instagram that I'm a thief who stole from my employer, "
                "tagging my family. It's false."
            ),
            "public_post",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            "Un ancien locataire publie sur Google que je suis un marchand de sommeil. C'est faux.",
            "website",
            None,
            {Category.INSULT_DEFAMATION},
        ),
        (
            (
                "Dans le groupe du lotissement, le voisin écrit : « le prochain qui se gare ici, "
                "je crève ses pneus et lui avec »."
            ),
            "public_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # The child sends what the adult asks for: no innocent picture sent to a child.
        (
            (
                "Un homme propose des V-bucks à mon fils de 11 ans s'il lui envoie des photos de "
                "lui en pyjama."
            ),
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            "Un inconnu m'envoie des photos de son sexe sur Snapchat, j'ai 14 ans.",
            "private_message",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        (
            (
                "Sur son Discord, un adulte demande aux collégiennes des photos en maillot pour un "
                "concours."
            ),
            "private_group",
            None,
            {Category.CHILD_SEXUAL_ABUSE},
        ),
        # Taken back at once, and a delay in hours is no time of a danger.
        (
            "Encore 3h de retard à la gare, je vais tous les étrangler 😤 non je rigole.",
            "public_post",
            "threats_violence",
            set(),
        ),
    ],
)
def test_accusations_said_in_english_a_slum_landlord_him_with_it_and_pictures_of_children(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Harm to a child called a shame; a relative who "will pay"; what "he will see".
        (
            (
                "Reçu par mail : « jolie école, ce serait dommage qu'il lui arrive quelque "
                "chose ». Je suis en plein divorce."
            ),
            "email",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "SMS d'un inconnu : « retire ta plainte sinon c'est ton fils qui paiera ».",
            "sms",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # A chain message's curse, its message unsaid or its verb misspelt.
        (
            (
                "ma tante m'envoie des chaines « si tu ne transferes pas a 10 personnes un "
                "malheur va frapper ta famille »"
            ),
            "private_message",
            None,
            set(),
        ),
        (
            (
                "Une chaîne WhatsApp dit « si tu envoie pas ce message a 10 personnes je viendrai "
                "te tuer cette nuit »."
            ),
            "private_message",
            "threats_violence",
            set(),
        ),
        # "Il me menace" in a blackmail is the blackmail.
        (
            (
                "Un mail dit qu'il m'a filmé par ma webcam et qu'il envoie tout à ma famille si je "
                "ne paie pas 800 € en bitcoin. Il me menace !"
            ),
            "email",
            "threats_violence",
            {Category.SCAM},
        ),
        # A fan's suicide joke said the other way round.
        (
            "mon pote a posté « je vais me tuer si le PSG perd encore » c'est une expression",
            "public_post",
            "endangerment",
            set(),
        ),
        # A parcel marked delivered, thrown over a hedge; the carrier silent.
        (
            (
                "Mon colis est marqué livré mais je n'ai rien reçu, le service client ne répond "
                "jamais."
            ),
            "unknown",
            "scam",
            set(),
        ),
        (
            "Le livreur a jeté mon colis par-dessus la haie et Colissimo ne répond pas.",
            "unknown",
            "scam",
            set(),
        ),
        # Mockery of "ma gueule" misspelt; a band counted; a message counted; every post.
        (
            "dans le groupe de la classe ils se fou de ma gueule tous les jours, je suis en 4e",
            "private_group",
            "insult_defamation",
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
        ),
        (
            "ILS SONT 4 DANS UN GROUPE WHATSAPP A LUI DIRE QU'IL EST UN GROS NUL ET UN DÉBILE.",
            "private_group",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
        ),
        (
            (
                "Reçu un SMS « t'es qu'une pourriture ». C'est le troisième SMS de ce genre "
                "cette semaine."
            ),
            "sms",
            None,
            {Category.INSULT_DEFAMATION, Category.CYBERHARASSMENT},
        ),
        (
            (
                "Depuis 3 mois il commente toutes mes photos, je l'ai croisé une fois en soirée "
                "et je ne lui ai jamais répondu."
            ),
            "public_comment",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # A fake account in the owner's name asking friends for money is a scam, not harassment.
        (
            "qlq1 a fait un faux compte fb a mon nom et demande de l'argent a mes amis en mp",
            "public_post",
            None,
            {Category.SCAM},
        ),
        # "Goumer" (to beat up, slang); a slur with a word between; a Facebook wall is public.
        (
            "dans le groupe du foot ils disent qu'ils vont le goumer à la sortie du stade",
            "private_group",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            (
                "j'ai posté un selfie et un mec a commenté « sale grosse arabe va te cacher » "
                "devant tout le monde"
            ),
            "public_comment",
            "insult_defamation",
            {Category.HATE},
        ),
    ],
)
def test_veiled_harm_chain_curses_parcel_disputes_and_harassment_counted(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


def test_a_facebook_wall_is_public() -> None:
    decision = classify(
        report(
            "il me menace de mort depuis une semaine sur mon mur facebook et en mp aussi",
            where_seen="public_post",
            category_hint="threats_violence",
        )
    )
    assert decision.scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # Money mules asked for in other words: the gerund, people sought "with a bank account".
        (
            "Un compte snap promet 300 € en prêtant ton RIB pendant deux jours aux lycéens.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Story insta : on cherche des étudiants avec un compte bancaire, 400 € facile.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # A deal spot's hall kept for a day's pay.
        (
            "Sur un canal public on propose 60 euros par jour pour tenir le hall de la tour.",
            "public_group",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # Property to smash, in English; tools brought to take a site apart.
        (
            "A public account tells people to meet tonight and smash every shop in town.",
            "public_post",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        (
            "Blog militant : dimanche ramenez disqueuses et pinces coupantes pour le chantier.",
            "website",
            None,
            {Category.INCITEMENT_OFFENCES},
        ),
        # An attack's dead said to have asked for it; an attack a beautiful day, a massacre a model.
        (
            "Sur Facebook un type dit que les morts de Charlie Hebdo l'ont bien cherché.",
            "public_post",
            None,
            {Category.TERRORISM},
        ),
        (
            "On a Telegram channel someone keeps saying Oct 7 was a beautiful day.",
            "public_group",
            None,
            {Category.TERRORISM},
        ),
        (
            "Sur un forum le tueur de Christchurch est présenté comme un modèle.",
            "website",
            None,
            {Category.TERRORISM},
        ),
        # Slurs in other words; a group kept out of school, or banned from jobs, for what it is.
        (
            "Sous ma photo quelqu'un a écrit que je suis noire comme du charbon.",
            "public_comment",
            None,
            {Category.HATE},
        ),
        (
            "Un commentaire sous la vidéo de mon voisin : rentre en Afrique.",
            "public_comment",
            None,
            {Category.HATE},
        ),
        (
            "Un père écrit dans le groupe que les musulmans ne devraient pas être dans nos écoles.",
            "private_group",
            None,
            {Category.HATE},
        ),
        (
            "A tweet says we should ban Muslims from government jobs.",
            "public_post",
            None,
            {Category.HATE},
        ),
        # Fake sexual pictures of a person: told after the picture, or a face edited onto bodies.
        (
            "Des photos porno truquées de ma sœur circulent sur Snapchat.",
            "public_post",
            None,
            {Category.CYBERHARASSMENT},
        ),
        (
            "Someone posted my face photoshopped onto naked bodies on a forum.",
            "website",
            None,
            {Category.CYBERHARASSMENT},
        ),
        # Not offences, whatever box was ticked: a product that broke down, an MP told to resign,
        # a foreign army criticised.
        (
            (
                "J'ai acheté une trottinette sur un site, elle est tombée en panne après 3 jours, "
                "c'est une arnaque."
            ),
            "website",
            "scam",
            set(),
        ),
        (
            "Le député de ma circonscription devrait démissionner, franchement.",
            "video",
            "hate",
            set(),
        ),
        (
            "The Israeli army is committing crimes, a senator posted.",
            "public_post",
            "hate",
            set(),
        ),
    ],
)
def test_mules_riots_apology_slurs_fakes_and_opinions_in_other_words(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where", "hint", "categories"),
    [
        # A place it would be a shame to see burn; a meeting called with bats.
        (
            "Review on our shop: shame if it burned down one night.",
            "website",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "Dans les avis Google : dommage si ta boutique prenait feu un de ces soirs.",
            "website",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        (
            "A Reddit thread tells people to show up Saturday at the square with bats.",
            "public_comment",
            None,
            {Category.THREATS_VIOLENCE},
        ),
        # A DJ's dance floor "murdered", a system burnt down at the ballot box, a refund not made.
        (
            "DJ post: tonight we're gonna murder the dancefloor, bring your friends!",
            "public_post",
            None,
            set(),
        ),
        (
            "He says we should burn the whole system down at the ballot box.",
            "public_post",
            None,
            set(),
        ),
        ("Seller on Vinted still hasn't refunded me, it's a scam.", "website", "scam", set()),
    ],
)
def test_threats_figures_and_refunds_in_english(
    text: str, where: str, hint: str | None, categories: set[Category]
) -> None:
    assert_decided(text, where, hint, categories)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # A group chat made for it, voice notes, a place's phone called, someone's own channel:
        # private and public parts, in English.
        (
            (
                "Kids from her class made a group chat to mock her, and they post her photos on a "
                "public TikTok account."
            ),
            "public_post",
        ),
        (
            "He leaves her voice notes every night and posts about her on his public Instagram.",
            "public_post",
        ),
        (
            (
                "Since his post on a public Facebook page, people keep calling the restaurant to "
                "insult my parents."
            ),
            "public_post",
        ),
        (
            "A YouTuber has made videos about me on his channel for weeks and emails me every day.",
            "email",
        ),
    ],
)
def test_private_and_public_parts_said_in_english(text: str, where: str) -> None:
    assert classify(report(text, where_seen=where)).scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A private exchange told with a subject, in the words an invitation also uses ("DM me
        # the…", "message me privately", "commande en DM", "contact en privé"): it happened.
        (
            (
                "Five accounts insult me under every post of my public page and they also DM me "
                "the same stuff every night."
            ),
            Scope.MIXED,
        ),
        (
            "They comment on all my posts calling me a liar and they also message me privately.",
            Scope.MIXED,
        ),
        (
            (
                "Un compte Instagram public vend des baskets, j'ai commandé en DM et payé 180 €, "
                "rien reçu."
            ),
            Scope.MIXED,
        ),
        (
            (
                "Une page Facebook publique se moque de moi et un des admins vient de m'envoyer en "
                "DM une photo de ma maison."
            ),
            Scope.MIXED,
        ),
        # The invitations themselves, in a public ad or comment: no exchange described.
        ("Un compte TikTok vend des cartouches de clopes, commande en DM.", Scope.PUBLIC),
        (
            "Sur TikTok un gars vend des puffs, il dit de lui écrire en DM pour commander.",
            Scope.PUBLIC,
        ),
        (
            "Fake account selling iPhones at 100 euros, DM me the word 'deal' to order.",
            Scope.PUBLIC,
        ),
    ],
)
def test_an_exchange_told_with_its_subject_is_no_invitation(text: str, scope: Scope) -> None:
    assert classify(report(text, where_seen="public_post")).scope is scope


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Calls and messages received after a doxxing, voice notes and messages on a messaging
        # app, messages sent to the victim, a video going round Facebook: both parts, in French
        # word orders.
        (
            (
                "Mon adresse a été publiée sur X et depuis je reçois des dizaines de messages et "
                "d'appels d'inconnus."
            ),
            "public_post",
        ),
        (
            "Une page Instagram publique se moque de lui, il reçoit la nuit des vocaux Snapchat.",
            "public_post",
        ),
        (
            "Un compte TikTok public l'humilie et sur snap ils lui écrivent qu'elle est moche.",
            "public_post",
        ),
        (
            "Une vidéo de moi tourne sur Facebook et je reçois des messages racistes.",
            "private_message",
        ),
        ("Un abonné commente et m'écrit tous les jours, il sait où j'habite.", "public_comment"),
        (
            (
                "Des élèves ont créé un compte insta pour se moquer d'elle et continuent de lui "
                "envoyer des msg."
            ),
            "public_post",
        ),
        (
            "Elle reçoit aussi des messages insultants sur Snapchat depuis la vidéo publique.",
            "video",
        ),
    ],
)
def test_private_and_public_parts_in_other_french_word_orders(text: str, where: str) -> None:
    assert classify(report(text, where_seen=where)).scope is Scope.MIXED


@pytest.mark.parametrize(
    ("text", "where", "categories", "imminent"),
    [
        # The word that decides, misspelt by a slip of the fingers (classifier/typos.py): read as
        # the word meant. Each is decided otherwise without the known words.
        (
            "Il a écrit sur son mur que les musulmans sont des rats qu'il faut exterminner.",
            "public_post",
            {Category.HATE, Category.THREATS_VIOLENCE},
            None,
        ),
        (
            "She keeps sending me insluting messages every night.",
            "private_message",
            {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION},
            None,
        ),
        (
            "Il dit sur son compte public qu'il va égorgger le prof.",
            "public_post",
            {Category.THREATS_VIOLENCE},
            None,
        ),
        (
            (
                "Ma fille de 14 ans reçoit des message d'un homme de 40 ans qui lui demande de se "
                "déshabilé en visio."
            ),
            "private_message",
            {Category.CHILD_SEXUAL_ABUSE},
            None,
        ),
        # A misspelling common enough to be in the word lists, a thousand times rarer than the
        # word meant.
        (
            "Ce youtubeur appelle à bruller la mairie samedi soir.",
            "video",
            {Category.INCITEMENT_OFFENCES},
            None,
        ),
        (
            "He said he would murdr me if I go to school tomorrow.",
            "private_message",
            {Category.THREATS_VIOLENCE},
            True,
        ),
    ],
)
def test_misspelt_words_read_as_the_words_meant(
    text: str, where: str, categories: set[Category], imminent: bool | None
) -> None:
    assert_decided(text, where, None, categories, imminent)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-demo-ward.py: writes data/demo-ward.xml, the demo ward of CRS Watch.

    python3 data/make-demo-ward.py > data/demo-ward.xml
    python3 data/make-demo-ward.py --check data/demo-ward.xml   # exit 1 when stale

Standard library only, fixed seed: the same script always writes the same
file. The output is committed, so building CRS Watch needs no Python.

Eleven fictional patients on therapies from the seed article's list and
shared/clinical/therapies.csv, each course scripted in hours after the
start of their infusion, then written as offsets from the moment of
import (times="relative"), so the demo always looks current. Two are
children (7 years and 3 years, on tisagenlecleucel), scored with PEWS
on the NHS England charts of their age bands (5-12 and 1-4 years), as
the app scores a child below the ward's NEWS2 age.

Where the numbers come from (all in shared/clinical/, copied here):
  - grading.md: ASTCT 2019 CRS (fever >= 38.0 C with hypotension and/or
    hypoxia; low flow <= 6 L/min or blow-by = 2, high flow, face mask,
    non-rebreather = 3, CPAP/BiPAP = 4; one vasopressor = 3, several = 4)
    and ICANS (ICE 7-9 = 1, 3-6 = 2, 0-2 = 3; CAPD for children under 12:
    1-8 = 1, 2 when waking only to voice). Every course below is built so
    that the values give the grade named in its comment. As on a CAR-T
    ward, every set carries the patient's ICANS tool score (ICE, or CAPD
    for the child) and the level of consciousness (ACVPU and arousal), so
    that ICANS is graded on every set, not "not determined".
  - therapies.csv, median onset of CRS: axicabtagene ciloleucel 2 days,
    tisagenlecleucel 3 days, lisocabtagene maraleucel 5 days (range 1-14),
    idecabtagene vicleucel 1 day, brexucabtagene autoleucel 3 days,
    ciltacabtagene autoleucel 7 days (IQR 5-8), blinatumomab 2 days,
    rituximab within 1-2 h of starting the first infusion (CLL with
    lymphocytes > 50 x 10^9/L at risk of severe first-infusion CRS).
  - therapies.csv, step-up schedules: teclistamab 0.06 and 0.3 mg/kg, then
    1.5 mg/kg (hospitalised 48 h after each step-up dose); epcoritamab
    0.16 mg day 1, 0.8 mg day 8, 48 mg day 15 (24 h in hospital after the
    first full dose). Blinatumomab: hospitalised the first 9 days of cycle 1.
  - pews.md and grading.md §7: the children's PEWS (NHS England national
    charts, 2023): respiratory rate, heart rate and systolic pressure by
    age band, respiratory distress (mild 1, moderate 2, severe 4), SpO2
    (92-94 % 1, 91 % or less 4), oxygen by L/min (under 2 1, 2-5.99 2,
    6 or more 4), capillary refill (over 2 s 2); levels low 1-4, medium
    5-8, high 9-12, emergency 13 or more, raised by AVPU (V high, P or U
    emergency) and a new suspicion of sepsis (medium) or septic shock
    (high). Each child's course reaches medium and high.
  - risk_factors.md: tocilizumab 8 mg/kg IV over 1 h (max 800 mg), 12 mg/kg
    under 30 kg, repeatable after 8 h; dexamethasone 10 mg IV every 6 h for
    grade 3 CRS and for grade 3-4 neurotoxicity; methylprednisolone
    1000 mg/day for grade 4 CRS (EBMT-based table).
  - LOINC codes: CRP 1988-5 (also fhir_loinc.md's neighbour, HL7 Switzerland
    CH LAB-Order), ferritin 2276-4 (LOINC "Ferritin [Mass/volume] in Serum
    or Plasma", HPO issue 3557), ALT 1742-6 (HL7 FHIR HSPC quantitative
    lab value set), platelets 777-3 (HL7 FHIR CTC adverse events IG).
Lab values and vital signs are illustrative, not reference ranges.

Red flags: as on a real ward, every set that raises one (by the rules of
src/core/crs-red-flags.c and, for the children, the PEWS levels of
src/core/crs-grade-pews.c, copied below and decided here from the values
written) is acknowledged 10 to 40 minutes later by the nurse on shift,
with who was informed and what was done; only the latest red flag of the
patients made with leave_open=True (raised within the last two hours)
is still open, so the escalation banner has something to show.
tests/test-demo-ward.c grades the imported file with the C code and
checks both.
"""

import math
import random
import sys
from xml.sax.saxutils import escape, quoteattr

SEED = 20250310
NS = "https://crswatch.org/ns/ward/1"
NURSES_DAY = ["a.okafor", "m.lindqvist", "j.ferreira"]
NURSES_NIGHT = ["s.nakamura", "r.mensah"]

# ICE items in the order a patient tends to lose them (attention and
# writing first): a score of s keeps the last s of these.
ICE_LOSS_ORDER = ["attention", "writing", "hospital", "year", "name_3",
                  "month", "city", "name_2", "command", "name_1"]
ICE_ITEMS = ["year", "month", "city", "hospital", "name_1", "name_2",
             "name_3", "command", "writing", "attention"]

rng = random.Random(SEED)


def offset(hours):
    """An xs:duration offset from the import, whole minutes."""
    minutes = int(round(hours * 60))
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 1440)
    h, m = divmod(rest, 60)
    text = sign + "P"
    if days:
        text += "%dD" % days
    if h or m or not days:
        text += "T"
        if h:
            text += "%dH" % h
        if m or not h:
            text += "%dM" % m
    return text


def ice_items(score):
    kept = set(ICE_LOSS_ORDER[10 - score:])
    return " ".join(i for i in ICE_ITEMS if i in kept)


def nurse_at(hour_of_day):
    pool = NURSES_DAY if 7 <= hour_of_day < 19 else NURSES_NIGHT
    return pool[int(hour_of_day) % len(pool)]


class Patient:
    def __init__(self, mrn, name, age, sex, weight, bed, diagnosis, now,
                 risk_notes=None, flags=(), child=False, doctor="Dr Haddad (registrar)",
                 leave_open=False):
        self.mrn = mrn
        self.name = name
        self.age = age            # (years, months)
        self.sex = sex
        self.weight = weight
        self.bed = bed
        self.diagnosis = diagnosis
        self.risk_notes = risk_notes
        self.flags = flags
        self.child = child
        self.doctor = doctor      # who the nurse informs of a red flag
        self.leave_open = leave_open  # the latest red flag is not acknowledged yet
        self.now = now            # hours since the first infusion at import
        self.infusions = []
        self.observations = []    # (t, attrs, note, ack, amend)
        self.interventions = []
        self.labs = []
        # On a CAR-T ward the nurse scores the patient's ICANS tool (ICE
        # for adults, CAPD for the child) with every set, beside ACVPU and
        # the level of arousal: a set scripted without a score carries the
        # latest one scripted before it (ICE 10, CAPD 0 at first), so that
        # ICANS is graded on every set (crs-grade-icans.c wants a score and
        # a level of consciousness).
        self.tool = "capd" if child else "ice"
        self.tool_score = 0 if child else ICE_MAX
        self.last_t = None

    def hours(self, t):
        return t - self.now

    def infusion(self, t, code, name, dose=None, unit=None, step=None,
                 end=None, note=None):
        self.infusions.append((t, code, name, dose, unit, step, end, note))

    def intervene(self, t, kind, drug=None, dose=None, note=None):
        self.interventions.append((t, kind, drug, dose, note))

    def lab(self, t, loinc, name, value, unit):
        self.labs.append((t, loinc, name, value, unit))

    def observe(self, t, state, note=None, ack=None, amend=None):
        if self.last_t is not None and t <= self.last_t:
            raise SystemExit("%s: the set at %+.1f h is scripted after a later one"
                             % (self.mrn, self.hours(t)))
        self.last_t = t
        state = dict(state)
        if state.get(self.tool) is None:
            state[self.tool] = self.tool_score
        else:
            self.tool_score = state[self.tool]
        self.observations.append((t, state, note, ack, amend))

    def course(self, start, end, step, state, jitter=True):
        """Observation sets every @step hours in [start, end)."""
        t = start
        while t < end - 1e-9:
            shift = rng.choice([-10, -5, 0, 5, 10]) / 60 if jitter else 0
            self.observe(t + shift, dict(state))
            t += step


def vitals(temp, hr, rr, sbp, dbp, spo2, device="room_air", flow=None,
           vaso=None, hypo=None, acvpu="A", arousal="normal", ice=None,
           capd=None, symptoms=(), seizure=None, **extra):
    state = dict(temp=temp, hr=hr, rr=rr, sbp=sbp, dbp=dbp, spo2=spo2,
                 device=device, flow=flow, vaso=vaso, hypo=hypo, acvpu=acvpu,
                 arousal=arousal, ice=ice, capd=capd, symptoms=symptoms,
                 seizure=seizure)
    state.update(extra)
    return state


def baseline():
    return vitals(temp=(36.6, 37.4), hr=(70, 92), rr=(14, 18), sbp=(112, 134),
                  dbp=(64, 80), spo2=(96, 99))


def daily_labs(p, start, end, crp, ferritin, platelets, alt=None, hour=6.0):
    """Morning bloods each day in [start, end); values follow the
    callables of the time given."""
    t = start
    while t < end:
        p.lab(t, "1988-5", "CRP", crp(t), "mg/L")
        p.lab(t, "2276-4", "Ferritin", ferritin(t), "ug/L")
        p.lab(t, "777-3", "Platelets", platelets(t), "10*9/L")
        if alt is not None:
            p.lab(t, "1742-6", "ALT", alt(t), "U/L")
        t += 24


def ramp(points):
    """Piecewise linear through (t, value) points, rounded."""
    def value(t):
        if t <= points[0][0]:
            return points[0][1]
        for (t0, v0), (t1, v1) in zip(points, points[1:]):
            if t0 <= t <= t1:
                return round(v0 + (v1 - v0) * (t - t0) / (t1 - t0))
        return points[-1][1]
    return value


# ---------------------------------------------------------------------------
# The ward. Each course is in hours after the start of the first infusion.

def make_patients():
    patients = []

    # 1. Axicabtagene ciloleucel (CD28 CAR-T), onset day 2: fever (CRS 1),
    #    hypotension after fluids (CRS 2), noradrenaline (CRS 3), then BiPAP
    #    and a second vasopressor (CRS 4) and ICU; back on the ward with
    #    ICANS 2 under dexamethasone.
    p = Patient("DEMO-1001", "Harold Whitcombe", (58, 4), "male", 82.0, "01",
                "Diffuse large B-cell lymphoma, refractory after two lines",
                now=100, risk_notes="High tumour burden (bulky mediastinal disease). "
                "Fludarabine and cyclophosphamide lymphodepletion.",
                flags=("high-disease-burden",))
    p.infusion(0, "axicabtagene ciloleucel", "Yescarta", end=0.5,
               note="Single infusion. Two doses of tocilizumab available on the ward.")
    p.course(-2, 36, 4, dict(baseline(), ice=10, symptoms=("fatigue",)))
    p.observe(36, vitals((38.3, 38.5), (104, 110), 18, (118, 124), 72, 97,
                         symptoms=("low_fever", "fatigue", "body_pain")),
              note="First fever. Blood cultures taken, registrar informed.")
    p.intervene(36.4, "antipyretic", "paracetamol", note="Oral")
    p.course(38, 44, 2, vitals((38.7, 39.2), (112, 120), (18, 20), (104, 112), 66, (95, 96),
                               symptoms=("high_fever", "rapid_heartbeat", "malaise")))
    p.observe(44, vitals(39.1, 124, 22, 86, 50, 95, hypo="yes",
                         symptoms=("high_fever", "rapid_heartbeat", "low_blood_pressure")),
              ack="Registrar reviewed: fluid bolus and tocilizumab prescribed.")
    p.intervene(44.2, "fluid_bolus", "sodium chloride 0.9 %", note="Crystalloid bolus")
    p.intervene(45, "anti_cytokine", "tocilizumab", "8 mg/kg IV over 1 h (656 mg)")
    p.course(46, 48, 1, vitals(38.8, 122, 22, (87, 89), 52, 94, hypo="yes",
                               symptoms=("high_fever", "low_blood_pressure")))
    p.intervene(46.5, "fluid_bolus", "sodium chloride 0.9 %", note="Second bolus")
    p.observe(48, vitals(38.6, 126, 24, 82, 48, 93, hypo="yes",
                         symptoms=("low_blood_pressure", "rapid_heartbeat")),
              note="Hypotension after two boluses.",
              ack="ICU outreach reviewed; noradrenaline started on the ward.")
    p.intervene(48.3, "vasopressor_start", "noradrenaline", note="Peripheral, titrated to MAP")
    p.intervene(49, "corticosteroid", "dexamethasone", "10 mg IV every 6 h")
    p.intervene(49.2, "oxygen_change", note="Nasal cannula 3 L/min")
    p.course(49, 52, 1, vitals((38.1, 38.4), 118, 24, (96, 100), 56, 94, "nasal_cannula", 3,
                               vaso=1, hypo="yes", symptoms=("low_blood_pressure",)))
    p.observe(52, vitals(38.4, 120, 28, 98, 54, 90, "face_mask", 8, vaso=1, hypo="yes",
                         symptoms=("breathing_difficulty", "low_blood_pressure")),
              ack="Registrar and ICU informed of rising oxygen need.")
    p.intervene(52.1, "oxygen_change", note="Face mask 8 L/min")
    p.intervene(53, "anti_cytokine", "tocilizumab", "8 mg/kg IV over 1 h (656 mg), second dose")
    p.observe(54, vitals(38.2, 128, 32, 92, 50, 88, "non_rebreather", 15, vaso=1, hypo="yes",
                         acvpu="A", symptoms=("breathing_difficulty", "low_blood_pressure")))
    p.intervene(54.6, "oxygen_change", note="BiPAP started by ICU outreach")
    p.intervene(55, "vasopressor_start", "adrenaline", note="Second vasopressor")
    p.observe(55, vitals(38.0, 130, 30, 94, 52, 92, "bipap", None, fio2=60, vaso=2, hypo="yes",
                         symptoms=("breathing_difficulty", "low_blood_pressure")),
              note="Grade 4 CRS: ICU bed requested.",
              ack="ICU consultant at the bedside; transfer arranged.")
    p.course(56, 58, 1, vitals((37.8, 38.2), 128, 28, (90, 96), 52, (91, 93), "bipap", None, fio2=60,
                               vaso=2, hypo="yes",
                               symptoms=("breathing_difficulty", "low_blood_pressure")))
    p.intervene(57, "corticosteroid", "methylprednisolone", "1000 mg IV daily")
    p.intervene(58, "icu_transfer", note="Observations continue on the ICU chart.")
    p.intervene(74, "vasopressor_stop", "noradrenaline", note="Weaned off in ICU")
    p.intervene(80, "other", note="Stepped down from ICU to bed 01.")
    p.observe(80, vitals(37.2, 98, 20, 112, 66, 95, "nasal_cannula", 2, vaso=0, ice=9,
                         symptoms=("fatigue",)), note="Back from ICU. Dexamethasone continues.")
    p.course(82, 86, 2, vitals(37.0, (92, 96), 18, (114, 120), 68, 96, ice=9,
                               symptoms=("fatigue",)))
    p.observe(86, vitals(36.9, 94, 18, 118, 70, 96, acvpu="C", ice=6,
                         symptoms=("confusion", "language_difficulty")),
              note="Muddled, cannot write a sentence. Neurology review requested.",
              ack="Registrar informed of new confusion (ICE 6).")
    p.course(88, 94, 2, vitals(37.0, 90, 18, 120, 70, 97, acvpu="C", ice=5,
                               symptoms=("confusion",)))
    p.course(94, 98, 2, vitals(36.8, 88, 16, 122, 72, 97, acvpu="A", ice=7))
    p.observe(98, vitals(36.7, 86, 16, 124, 74, 98, ice=8))
    daily_labs(p, -10, p.now, crp=ramp([(-10, 8), (14, 12), (38, 64), (62, 238), (86, 120), (98, 60)]),
               ferritin=ramp([(-10, 640), (38, 1900), (62, 8400), (98, 4100)]),
               platelets=ramp([(-10, 142), (62, 61), (98, 48)]),
               alt=ramp([(-10, 24), (62, 88), (98, 52)]))
    patients.append(p)

    # 2. Tisagenlecleucel in a child of 7 (CAPD; the 5-12 years PEWS
    #    chart), onset day 3: fever (CRS 1, PEWS 1 low), tachycardia,
    #    tachypnoea, mild recession and slow refill (PEWS 7 medium); then
    #    SpO2 93 % with moderate distress on blow-by oxygen (CRS 2, PEWS 11
    #    high), tocilizumab 12 mg/kg; later drowsy, waking to voice with
    #    CAPD 7 (ICANS 2; AVPU V makes the PEWS level high), recovering.
    p = Patient("DEMO-1002", "Mateo Quispe", (7, 5), "male", 23.0, "02",
                "B-cell acute lymphoblastic leukaemia, second relapse",
                now=120, risk_notes="Marrow blasts 40 % before lymphodepletion.",
                flags=("high-disease-burden",), child=True,
                doctor="Dr Morales (paediatric registrar)")
    p.infusion(0, "tisagenlecleucel", "Kymriah", end=0.3)
    child_base = vitals((36.6, 37.3), (88, 104), (20, 23), (96, 106), (56, 64), (97, 99),
                        distress="none", crt=(1, 2), carer="same")
    for t in range(-1, 60, 4):
        state = dict(child_base)
        if t % 12 == 11:
            state["capd"] = 0
        p.observe(t + rng.choice([-5, 0, 5]) / 60, state)
    p.observe(62, vitals(38.3, 128, 24, 100, 60, 97, capd=0, distress="none", crt=2, carer="same",
                         symptoms=("low_fever", "fatigue", "loss_of_appetite")),
              note="First fever; mother with him.")
    p.intervene(62.3, "antipyretic", "paracetamol", "15 mg/kg oral")
    p.course(64, 72, 2, vitals((38.8, 39.4), (140, 148), (26, 28), (96, 100), 58, 94,
                               distress="mild", crt=3, carer="same",
                               symptoms=("high_fever", "rapid_heartbeat")))
    p.observe(72, vitals(39.0, 152, 42, 98, 56, 93, "blow_by", 2, distress="moderate", crt=3,
                         carer="worse", symptoms=("high_fever", "breathing_difficulty")),
              note="SpO2 91 % on air, intercostal recession; blow-by oxygen 2 L/min, then nasal cannula.",
              ack="Paediatric registrar informed (PEWS high); tocilizumab prescribed.")
    p.intervene(72.2, "oxygen_change", note="Blow-by, then nasal cannula 1 L/min")
    p.intervene(73, "anti_cytokine", "tocilizumab", "12 mg/kg IV over 1 h (276 mg)")
    p.course(74, 86, 2, vitals((37.4, 37.9), (118, 126), (24, 26), (98, 102), 60, (96, 97),
                               "nasal_cannula", 1, distress="mild", crt=2, carer="better",
                               symptoms=("fatigue",)))
    p.course(86, 90, 2, vitals(37.2, 112, 22, 102, 62, 97, distress="none", crt=2,
                               symptoms=("fatigue",)))
    p.observe(90, vitals(37.3, 108, 22, 100, 60, 97, arousal="spontaneous", capd=6,
                         distress="none", crt=2, symptoms=("drowsiness",)),
              note="Sleepy, poor eye contact with his mother.")
    p.course(92, 96, 2, vitals(37.2, 104, 22, 100, 60, 97, arousal="spontaneous",
                               distress="none", crt=2, symptoms=("drowsiness",)))
    p.observe(96, vitals(37.1, 100, 22, 98, 58, 97, acvpu="V", arousal="voice", capd=7,
                         distress="none", crt=2, carer="worse", symptoms=("drowsiness", "confusion")),
              ack="Paediatric registrar reviewed; neuro checks every 2 h.")
    p.course(98, 102, 2, vitals(37.0, 100, 22, 100, 60, 98, acvpu="V", arousal="voice",
                                distress="none", crt=2, symptoms=("drowsiness",)))
    p.observe(102, vitals(37.0, 98, 22, 102, 60, 98, arousal="spontaneous", capd=4,
                          distress="none", crt=2))
    p.course(104, 110, 3, vitals(36.9, 96, 22, 102, 62, 98, arousal="spontaneous",
                                 distress="none", crt=2))
    p.observe(110, vitals(36.8, 94, 22, 104, 62, 98, capd=0, distress="none", crt=1, carer="better"),
              note="Playing with his tablet.")
    p.course(114, 120, 4, vitals(36.8, 92, 22, 104, 62, 98, distress="none", crt=1, carer="same"))
    daily_labs(p, -10, p.now, crp=ramp([(-10, 4), (50, 10), (74, 186), (98, 90), (118, 34)]),
               ferritin=ramp([(-10, 910), (74, 6200), (118, 2900)]),
               platelets=ramp([(-10, 88), (74, 42), (118, 39)]))
    patients.append(p)

    # 3. Blinatumomab by continuous infusion (hospitalised for the first 9
    #    days of cycle 1), onset day 2: fever (CRS 1), then headache and an
    #    ICE of 8 (ICANS 1). One temperature corrected by amendment.
    p = Patient("DEMO-1003", "Sofia Lindqvist", (34, 8), "female", 64.0, "03",
                "Relapsed Philadelphia-negative B-cell acute lymphoblastic leukaemia",
                now=72)
    p.infusion(0, "blinatumomab", "Blincyto", step="cycle 1",
               note="Continuous infusion; bag changes by pharmacy.")
    p.course(-1, 42, 4, dict(baseline(), ice=10))
    p.observe(42, vitals(38.5, 106, 18, 120, 72, 97, ice=10, symptoms=("low_fever", "malaise")),
              note="Rigors for 10 minutes.")
    p.intervene(42.3, "antipyretic", "paracetamol")
    p.observe(44, vitals(38.4, 104, 18, 118, 70, 97, symptoms=("low_fever",)))
    p.observe(46, vitals(37.9, 102, 18, 118, 70, 97, symptoms=("low_fever",)),
              amend=("temperature-c", "38.9", "Tympanic reading re-entered: 38.9 °C, not 37.9 °C."))
    p.course(48, 58, 2, vitals((38.2, 38.8), (100, 108), 18, (114, 120), 70, 97,
                               symptoms=("low_fever", "fatigue")))
    p.course(58, 60, 2, vitals(37.6, 94, 16, 120, 72, 98))
    p.observe(60, vitals(37.4, 92, 16, 122, 72, 98, ice=8, symptoms=("headache",)),
              note="Headache; slow counting back from 100; fine tremor of the hands. "
              "Haematology registrar informed: ICE 8, infusion continues.")
    p.course(62, 64, 2, vitals(37.2, 90, 16, 120, 72, 98, symptoms=("headache",)))
    p.observe(64, vitals(37.1, 88, 16, 122, 74, 98, ice=9, symptoms=("headache",)))
    p.course(66, 72, 2, vitals(36.9, 86, 16, 122, 74, 98, ice=10))
    daily_labs(p, -10, p.now, crp=ramp([(-10, 6), (38, 9), (50, 96), (70, 40)]),
               ferritin=ramp([(-10, 420), (50, 1400), (70, 1100)]),
               platelets=ramp([(-10, 118), (70, 104)]),
               alt=ramp([(-10, 31), (70, 45)]))
    patients.append(p)

    # 4. Rituximab, first infusion, CLL with a high lymphocyte count:
    #    within 2 h fever and low blood pressure without vasopressors
    #    (CRS 2); infusion paused, fluids; restarted at half rate.
    p = Patient("DEMO-1004", "Desmond Achterberg", (71, 2), "male", 78.0, "04",
                "Chronic lymphocytic leukaemia",
                now=26, risk_notes="Lymphocytes 86 x 10^9/L: risk of severe first-infusion reaction.",
                flags=("high-disease-burden", "comorbidities"))
    p.infusion(0, "rituximab", "Rituxan", step="first infusion", end=8,
               note="Paused at 1 h 40 min, restarted at half rate after review.")
    p.observe(-0.5, baseline())
    p.observe(0.5, vitals(36.9, 84, 16, 128, 74, 97))
    p.observe(1, vitals(37.6, 96, 18, 122, 70, 97, symptoms=("malaise",)))
    p.observe(1.5, vitals(38.4, 118, 24, 88, 52, 95, hypo="yes",
                          symptoms=("low_fever", "low_blood_pressure", "rapid_heartbeat")),
              note="Rigors and flushing.",
              ack="Infusion stopped; registrar at the bedside within 10 minutes.")
    p.intervene(1.6, "infusion_paused", "rituximab")
    p.intervene(1.7, "fluid_bolus", "sodium chloride 0.9 %")
    p.intervene(1.7, "antipyretic", "paracetamol")
    p.observe(2.5, vitals(38.1, 104, 20, 104, 62, 96, symptoms=("low_fever",)))
    p.observe(3.5, vitals(37.6, 92, 18, 114, 68, 97))
    p.intervene(3.6, "other", "rituximab", note="Infusion restarted at half rate after review.")
    p.course(4.5, 8.5, 1, vitals(37.2, (86, 90), 16, (116, 122), 70, 97))
    p.course(11, 26, 4, baseline())
    p.lab(-3, "1988-5", "CRP", 14, "mg/L")
    p.lab(-3, "777-3", "Platelets", 96, "10*9/L")
    p.lab(6, "1988-5", "CRP", 58, "mg/L")
    p.lab(6, "2276-4", "Ferritin", 780, "ug/L")
    p.lab(22, "1988-5", "CRP", 41, "mg/L")
    patients.append(p)

    # 5. Teclistamab step-up (0.06 and 0.3 mg/kg, then 1.5 mg/kg), in for
    #    48 h after each: fever after step-up dose 2 (CRS 1), settled.
    p = Patient("DEMO-1005", "Margaret Oduya", (66, 11), "female", 70.0, "05",
                "Relapsed and refractory multiple myeloma", now=150)
    p.infusion(0, "teclistamab", "Tecvayli", 0.06, "mg/kg", "step-up dose 1", end=0.1,
               note="Subcutaneous")
    p.infusion(50, "teclistamab", "Tecvayli", 0.3, "mg/kg", "step-up dose 2", end=50.1,
               note="Subcutaneous")
    p.infusion(98, "teclistamab", "Tecvayli", 1.5, "mg/kg", "first treatment dose", end=98.1,
               note="Subcutaneous")
    p.course(-1, 76, 4, dict(baseline(), ice=10))
    p.observe(76, vitals(38.2, 102, 18, 118, 70, 97, symptoms=("low_fever", "fatigue")),
              note="Fever 26 h after step-up dose 2.")
    p.intervene(76.3, "antipyretic", "paracetamol")
    p.course(78, 84, 2, vitals((38.0, 38.3), 100, 18, 116, 70, 97, symptoms=("low_fever",)))
    p.course(84, 150, 4, dict(baseline(), ice=10))
    daily_labs(p, -2, p.now, crp=ramp([(-2, 5), (70, 8), (82, 52), (110, 18), (146, 9)]),
               ferritin=ramp([(-2, 350), (82, 720), (146, 410)]),
               platelets=ramp([(-2, 132), (146, 121)]))
    patients.append(p)

    # 6. Epcoritamab 48 mg, the first full dose after 0.16 and 0.8 mg step
    #    ups, in for 24 h: no CRS (grade 0 throughout).
    p = Patient("DEMO-1006", "Rajesh Venkataraman", (62, 1), "male", 75.0, "06",
                "Diffuse large B-cell lymphoma, not otherwise specified", now=360)
    p.infusion(0, "epcoritamab", "Epkinly", 0.16, "mg", "step-up dose 1", end=0.1,
               note="Subcutaneous, day 1, as a day case")
    p.infusion(168, "epcoritamab", "Epkinly", 0.8, "mg", "step-up dose 2", end=168.1,
               note="Subcutaneous, day 8, as a day case")
    p.infusion(336, "epcoritamab", "Epkinly", 48, "mg", "first full dose", end=336.1,
               note="Subcutaneous, day 15; in for 24 h")
    p.observe(335, baseline(), note="Admitted for the first full dose.")
    p.course(337, 360, 3, dict(baseline(), symptoms=("fatigue",)))
    p.lab(334, "1988-5", "CRP", 7, "mg/L")
    p.lab(334, "777-3", "Platelets", 178, "10*9/L")
    p.lab(358, "1988-5", "CRP", 11, "mg/L")
    patients.append(p)

    # 7. Lisocabtagene maraleucel, onset day 5: fever (CRS 1), then oxygen
    #    2 L/min by nasal cannula (CRS 2, ongoing), tocilizumab. An SpO2
    #    typing error corrected by amendment. More breathless 25 minutes
    #    ago: that red flag is not acknowledged yet.
    p = Patient("DEMO-1007", "Chloe Baptiste", (49, 6), "female", 61.0, "07",
                "Large B-cell lymphoma transformed from follicular lymphoma", now=130,
                leave_open=True)
    p.infusion(0, "lisocabtagene maraleucel", "Breyanzi", end=0.4,
               note="CD8 then CD4 component")
    p.course(-2, 118, 4, dict(baseline(), ice=10))
    p.observe(118, vitals(38.3, 104, 18, 118, 70, 96, ice=10, symptoms=("low_fever", "cough")),
              note="Fever on day 5.")
    p.intervene(118.4, "antipyretic", "paracetamol")
    p.course(120, 122, 2, vitals(38.6, 108, 20, 116, 68, 94, symptoms=("low_fever", "cough")))
    p.observe(122, vitals(38.7, 112, 24, 114, 66, 82, symptoms=("breathing_difficulty",)),
              amend=("spo2", 92, "SpO2 typing error: 92 %, not 82 %."))
    p.observe(122.3, vitals(38.7, 110, 24, 114, 66, 96, "nasal_cannula", 2,
                            symptoms=("breathing_difficulty",)),
              note="Nasal cannula 2 L/min started.",
              ack="Registrar informed: CRS grade 2, tocilizumab prescribed.")
    p.intervene(122.2, "oxygen_change", note="Nasal cannula 2 L/min")
    p.intervene(123, "anti_cytokine", "tocilizumab", "8 mg/kg IV over 1 h (488 mg)")
    p.course(124, 130, 2, vitals((37.4, 37.8), (98, 102), 20, 116, 68, 95, "nasal_cannula", 2,
                                 ice=10, symptoms=("cough",)))
    p.observe(129.6, vitals(38.4, 114, 26, 108, 64, 92, "nasal_cannula", 2, ice=10,
                            symptoms=("cough", "breathing_difficulty")),
              note="More breathless, SpO2 92 % on 2 L/min. Flow up to 4 L/min; registrar bleeped.")
    p.intervene(129.7, "oxygen_change", note="Nasal cannula 4 L/min")
    daily_labs(p, -10, p.now, crp=ramp([(-10, 11), (110, 22), (122, 164), (128, 150)]),
               ferritin=ramp([(-10, 560), (122, 2300), (128, 2600)]),
               platelets=ramp([(-10, 121), (128, 84)]),
               alt=ramp([(-10, 19), (128, 36)]))
    patients.append(p)

    # 8. Idecabtagene vicleucel, onset day 1: fever (CRS 1), low blood
    #    pressure that responds to fluids (CRS 2), tocilizumab; now settled.
    p = Patient("DEMO-1008", "Wilhelm Brandt", (63, 9), "male", 88.0, "08",
                "Multiple myeloma after four lines of treatment", now=76,
                flags=("prior-crs",), risk_notes="CRS grade 1 after an earlier bispecific antibody.")
    p.infusion(0, "idecabtagene vicleucel", "Abecma", 450, "10^6 CAR+ T cells", end=0.5)
    p.course(-1, 22, 4, dict(baseline(), ice=10))
    p.observe(22, vitals(38.1, 100, 18, 120, 72, 97, ice=10, symptoms=("low_fever",)))
    p.intervene(22.4, "antipyretic", "paracetamol")
    p.course(24, 30, 2, vitals((38.2, 38.6), (102, 108), 18, (104, 110), 64, 97,
                               symptoms=("low_fever", "malaise")))
    p.observe(30, vitals(38.4, 114, 20, 87, 50, 96, hypo="yes",
                         symptoms=("low_fever", "low_blood_pressure")),
              ack="Registrar informed: bolus and tocilizumab.")
    p.intervene(30.2, "fluid_bolus", "Hartmann's solution")
    p.intervene(31, "anti_cytokine", "tocilizumab", "8 mg/kg IV over 1 h (704 mg)")
    p.course(32, 36, 2, vitals(37.8, 104, 18, (92, 96), 56, 97, symptoms=("malaise",)))
    p.course(36, 44, 2, vitals(37.4, 96, 16, (102, 110), 62, 97))
    p.course(44, 76, 4, dict(baseline(), ice=10))
    daily_labs(p, -10, p.now, crp=ramp([(-10, 9), (22, 30), (34, 142), (70, 48)]),
               ferritin=ramp([(-10, 880), (34, 3100), (70, 1900)]),
               platelets=ramp([(-10, 74), (70, 58)]),
               alt=ramp([(-10, 27), (70, 33)]))
    patients.append(p)

    # 9. Brexucabtagene autoleucel (CD28), onset day 3: fever (CRS 1),
    #    hypotension needing noradrenaline (CRS 3) with dexamethasone; then
    #    ICE falling to 2 (ICANS 3) and recovering to ICE 6 (ICANS 2), still
    #    confused: the latest set's red flag is not acknowledged yet.
    p = Patient("DEMO-1009", "Ivan Petrović", (60, 3), "male", 80.0, "09",
                "Relapsed mantle cell lymphoma", now=110,
                risk_notes="Bulky nodal disease; lymphodepletion with fludarabine and cyclophosphamide.",
                flags=("high-disease-burden",), leave_open=True)
    p.infusion(0, "brexucabtagene autoleucel", "Tecartus", end=0.5)
    p.course(-1, 70, 4, dict(baseline(), ice=10))
    p.observe(70, vitals(38.6, 108, 18, 116, 70, 97, ice=10,
                         symptoms=("low_fever", "body_pain", "headache")))
    p.intervene(70.3, "antipyretic", "paracetamol")
    p.observe(72, vitals(38.9, 114, 20, 104, 62, 96, symptoms=("low_fever", "malaise")))
    p.observe(74, vitals(39.2, 122, 22, 84, 48, 96, hypo="yes",
                         symptoms=("high_fever", "low_blood_pressure")),
              ack="Registrar at the bedside: fluids and tocilizumab.")
    p.intervene(74.2, "fluid_bolus", "sodium chloride 0.9 %")
    p.intervene(75, "anti_cytokine", "tocilizumab", "8 mg/kg IV over 1 h (640 mg)")
    p.observe(75.5, vitals(38.8, 120, 22, 86, 50, 96, hypo="yes",
                           symptoms=("high_fever", "low_blood_pressure")),
              note="Still hypotensive after the bolus.")
    p.intervene(76, "vasopressor_start", "noradrenaline")
    p.intervene(77, "corticosteroid", "dexamethasone", "10 mg IV every 6 h")
    p.observe(77, vitals(38.4, 112, 22, 98, 58, 96, vaso=1, hypo="yes",
                         symptoms=("low_blood_pressure",)),
              ack="ICU outreach aware; noradrenaline on the ward.")
    p.course(78, 86, 2, vitals((37.6, 38.1), (104, 110), 20, (100, 106), 60, 96, vaso=1,
                               hypo="yes"))
    p.intervene(86, "vasopressor_stop", "noradrenaline")
    p.course(86, 92, 2, vitals(37.3, 98, 18, (108, 114), 66, 97))
    p.observe(92, vitals(37.1, 94, 18, 116, 70, 97, ice=7, symptoms=("headache",)))
    p.observe(94, vitals(37.0, 92, 18, 118, 70, 97, ice=7))
    p.observe(96, vitals(37.1, 94, 18, 118, 70, 97, acvpu="C", ice=4,
                         symptoms=("confusion", "language_difficulty")),
              note="Word-finding difficulty; cannot name the pen.",
              ack="Registrar informed: ICE 4.")
    p.observe(98, vitals(37.2, 96, 18, 120, 72, 97, acvpu="C", ice=2,
                         symptoms=("confusion", "language_difficulty")),
              note="Oriented to name only.",
              ack="Neurology and registrar reviewed: dexamethasone continued every 6 h, MRI booked.")
    p.intervene(98.5, "corticosteroid", "dexamethasone", "10 mg IV every 6 h",
                note="For neurotoxicity grade 3")
    p.observe(100, vitals(37.0, 92, 18, 118, 70, 97, acvpu="C", ice=2,
                          symptoms=("confusion", "language_difficulty")))
    p.observe(102, vitals(36.9, 90, 16, 120, 72, 98, acvpu="C", ice=3, symptoms=("confusion",)))
    p.course(104, 110, 2, vitals(36.8, 88, 16, 122, 72, 98, acvpu="C", ice=6,
                                 symptoms=("confusion",)))
    p.observe(109.4, vitals(36.9, 90, 16, 120, 70, 98, acvpu="C", ice=6, symptoms=("confusion",)),
              note="Still unsure of the month and the hospital's name.")
    daily_labs(p, -10, p.now, crp=ramp([(-10, 12), (66, 18), (78, 212), (106, 88)]),
               ferritin=ramp([(-10, 710), (78, 7600), (106, 5200)]),
               platelets=ramp([(-10, 99), (106, 52)]),
               alt=ramp([(-10, 22), (78, 61), (106, 49)]))
    patients.append(p)

    # 10. Ciltacabtagene autoleucel, day 4 of the usual onset window (median
    #     7 days): no CRS yet (grade 0), watched every 4 h.
    p = Patient("DEMO-1010", "Beatrice Fontaine", (57, 0), "female", 66.0, "10",
                "Multiple myeloma, lenalidomide-refractory", now=100)
    p.infusion(0, "ciltacabtagene autoleucel", "Carvykti", end=0.4,
               note="Watch for CRS from day 4 (median onset 7 days) and late neurotoxicity.")
    p.course(-1, 100, 4, dict(baseline(), ice=10, symptoms=("fatigue",)))
    daily_labs(p, -10, p.now, crp=ramp([(-10, 6), (96, 9)]),
               ferritin=ramp([(-10, 390), (96, 450)]),
               platelets=ramp([(-10, 141), (96, 102)]))
    patients.append(p)

    # 11. Tisagenlecleucel in a child of 3 (CAPD; the 1-4 years PEWS
    #     chart), onset day 2: fever with nasal flaring (CRS 1, PEWS 3
    #     low), then tachycardia, tachypnoea and slow refill (PEWS 5
    #     medium); head bobbing and SpO2 93 % on nasal cannula 0.5 L/min,
    #     her father saying she is worse (CRS 2, PEWS 10 high),
    #     tocilizumab 12 mg/kg; settling on oxygen (PEWS low).
    p = Patient("DEMO-1011", "Elsie Moreau", (3, 6), "female", 14.5, "11",
                "B-cell acute lymphoblastic leukaemia, refractory", now=60,
                risk_notes="Infant-onset leukaemia; two courses of blinatumomab before.",
                child=True, doctor="Dr Morales (paediatric registrar)")
    p.infusion(0, "tisagenlecleucel", "Kymriah", end=0.2)
    toddler_base = vitals((36.5, 37.2), (100, 120), (24, 30), (88, 96), (50, 58), (97, 99),
                          distress="none", crt=(1, 2), carer="same")
    for t in range(-1, 40, 4):
        state = dict(toddler_base)
        if t % 12 == 11:
            state["capd"] = 0
        p.observe(t + rng.choice([-5, 0, 5]) / 60, state)
    p.observe(40, vitals(38.4, 146, 42, 92, 54, 96, capd=0, distress="mild", crt=2, carer="same",
                         symptoms=("low_fever", "loss_of_appetite")),
              note="First fever; nasal flaring. Father with her.")
    p.intervene(40.3, "antipyretic", "paracetamol", "15 mg/kg oral")
    p.course(42, 48, 2, vitals((38.5, 38.9), (144, 148), (44, 48), (90, 94), 54, 95,
                               distress="mild", crt=3, carer="same", symptoms=("low_fever",)))
    p.observe(48, vitals(39.2, 158, 54, 90, 52, 93, "nasal_cannula", 0.5, distress="moderate",
                         crt=3, carer="worse", symptoms=("breathing_difficulty",)),
              note="Head bobbing and tracheal tug; her father says she is worse.",
              ack="Paediatric registrar reviewed (PEWS high): tocilizumab prescribed, PEWS every 30 minutes.")
    p.intervene(48.2, "oxygen_change", note="Nasal cannula 0.5 L/min")
    p.intervene(49, "anti_cytokine", "tocilizumab", "12 mg/kg IV over 1 h (174 mg)")
    p.observe(48.5, vitals(38.9, 152, 50, 92, 54, 95, "nasal_cannula", 0.5, distress="moderate",
                           crt=3, carer="worse", symptoms=("breathing_difficulty",)))
    p.course(49, 50, 0.5, vitals(38.6, 146, 46, 92, 54, 96, "nasal_cannula", 0.5,
                                 distress="mild", crt=3, carer="same"), jitter=False)
    p.course(50, 59, 1, vitals((37.5, 37.9), (134, 144), (38, 44), (92, 96), 56, (96, 97),
                               "nasal_cannula", 0.5, distress="mild", crt=2, carer="better"))
    p.observe(59.6, vitals(37.4, 132, 36, 94, 56, 97, "nasal_cannula", 0.5, distress="mild",
                           crt=2, carer="better"), note="Asleep on her father; settling.")
    daily_labs(p, -10, p.now, crp=ramp([(-10, 3), (38, 8), (54, 142)]),
               ferritin=ramp([(-10, 640), (54, 3900)]),
               platelets=ramp([(-10, 64), (54, 41)]))
    patients.append(p)

    return patients


# ---------------------------------------------------------------------------
# Red flags and their acknowledgements.
#
# A set raises a red flag by the rules of src/core/crs-red-flags.c, with the
# grades of crs-grade-crs.c, crs-grade-icans.c, crs-grade-news2.c and the
# context of crs-grading-history.c (episode, CRS onset, fever masking),
# copied here for the values this script writes (ward policy at its
# defaults, crs-ward-policy.c; SpO2 scale 1). A grade is (grade, lowest):
# grade None is "not determined", and lowest is then the "at least" floor
# the recorded findings prove (0 when they prove nothing).
# The generator decides from the values it writes which sets raise one, so
# that every such set is acknowledged and no other; tests/test-demo-ward.c
# imports the file, grades it with the C code and checks the result.

# crs-symptom.c: the emergency group (the seed's "seek emergency care for").
EMERGENCY_SYMPTOMS = {
    "rapid_heartbeat": "rapid heartbeat",
    "breathing_difficulty": "difficult breathing",
    "high_fever": "high fever",
    "low_blood_pressure": "low blood pressure",
    "confusion": "confusion",
    "language_difficulty": "difficulty with speech",
    "seizure": "seizure",
    "hallucinations": "hallucinations",
    "drowsiness": "drowsiness",
    "fainting": "fainting",
    "skin_discoloration": "skin discoloration",
}
RED_FLAG_GRADE_MIN = 3          # crs-red-flags.c: ASTCT grade 3 or more
RED_FLAG_NEWS2_MIN = 7          # crs-red-flags.c: RCP 2017 chart 4, high
NEWS2_MIN_AGE = 16              # crs-ward-policy.c default: NICE MIB205, NEWS2
                                # "does not apply to children under 16"
FEVER_TENTHS = 380              # crs-grading-private.h: >= 38.0 C
HYPOTENSION_SYSTOLIC_BELOW = 90  # crs-ward-policy.c default (adults)
# crs-ward-policy.c, crs_ward_policy_hypotension_below (): children below
# the NEWS2 age by AHA PALS: < 70 under 1 year, < 70 + 2 x age from 1 to 9
# years, < 90 from 10 years.
PALS_INFANT_BELOW, PALS_CHILD_BASE, PALS_CHILD_PER_YEAR = 70, 70, 2
PALS_OLDER_BELOW, PALS_OLDER_FROM_AGE = 90, 10
LOW_FLOW_MAX_L_MIN = 6.0        # crs-ward-policy.c default (ASTCT <= 6 L/min)
FLOW_EPSILON = 1e-9             # crs-grade-crs.c
ICE_MAX, ICE_GRADE1_MIN, ICE_GRADE2_MIN = 10, 7, 3   # crs-grade-icans.c
CAPD_GRADE3_MIN = 9             # crs-grade-icans.c
MASKING_KINDS = ("antipyretic", "anti_cytokine", "corticosteroid")  # crs-grading-history.c
# crs-grade-crs.c, crs_oxygen_grade (): the grade of each device (a nasal
# cannula by its flow), and oxygen_could_reach (): the most that recording
# the missing part (the device, a cannula's flow) could make it.
OXYGEN_GRADE = {"room_air": 0, "blow_by": 2, "hfnc": 3, "face_mask": 3,
                "non_rebreather": 3, "venturi": 3, "cpap": 4, "bipap": 4,
                "ventilator": 4}
AROUSAL_GRADE = {"normal": 0, "spontaneous": 1, "voice": 2, "tactile": 3,
                 "unarousable": 4}  # crs-grade-icans.c, grade_arousal ()
# crs-grade-icans.c, grade_acvpu (): used when arousal is not recorded; P
# (a painful stimulus is a "vigorous tactile stimulus") and U are grade 4;
# C (new confusion) is measured by ICE, not a level of consciousness.
ACVPU_ICANS_GRADE = {"A": 0, "V": 2, "P": 4, "U": 4}
CONSCIOUSNESS_FLAG_ACVPU = ("C", "V", "P", "U")   # crs-red-flags.c: every set
ACVPU_WORDS = {"C": "new confusion", "V": "responds to voice",
               "P": "responds to pain", "U": "unresponsive"}  # crs-model.c labels


def minute(p, t):
    """Minutes from the import, as offset() writes them."""
    return int(round(p.hours(t) * 60))


def tenths(celsius):
    # crs_temperature_tenths ()
    return int(math.floor(celsius * 10.0 + 0.5 + 1e-7))


def number(a, key, kind=int):
    return None if a.get(key) is None else kind(a[key])


AGE_SAME_WITHIN_MINUTES = 28 * 1440   # age_years (): the shortest month


def age_years(p):
    """crs_patient_age_years () at each set of @p. The birth date is
    written as years and months before the import and every set lies
    within 28 days before it (checked in mark_red_flags ()), so the whole
    years at each set are p.age[0] when the months are at least one, and
    one less when they are none (the birthday is the moment of import).
    An age next to the NEWS2 limit is refused rather than worked out by
    calendar."""
    years, months = p.age
    if months < 1:
        years -= 1
    if NEWS2_MIN_AGE - 1 <= years <= NEWS2_MIN_AGE:
        raise SystemExit("%s: aged %d, too close to the NEWS2 age of %d for this script"
                         % (p.mrn, years, NEWS2_MIN_AGE))
    return years


def hypotension_below(years):
    """crs_ward_policy_hypotension_below () at the ward's defaults."""
    if years >= NEWS2_MIN_AGE:
        return HYPOTENSION_SYSTOLIC_BELOW
    if years < 1:
        return PALS_INFANT_BELOW
    if years < PALS_OLDER_FROM_AGE:
        return PALS_CHILD_BASE + PALS_CHILD_PER_YEAR * years
    return PALS_OLDER_BELOW


class Crs:
    """What crs_grade_crs_compute () finds: the grade (None = not
    determined), its floor, each domain's grade (None = not recorded)
    and whether the temperature was recorded."""

    def __init__(self, grade, lowest, circulation, oxygen, temperature_recorded, masked):
        self.grade, self.lowest = grade, lowest
        self.circulation, self.oxygen = circulation, oxygen
        self.temperature_recorded, self.masked = temperature_recorded, masked


def crs_grade(a, masked, below):
    """crs-grade-crs.c for the attributes @a, fever masked or not, and the
    systolic below which the patient is hypotensive (@below)."""
    temp = number(a, "temperature-c", float)
    fever = temp is not None and tenths(temp) >= FEVER_TENTHS

    # read_circulation (): vasopressors blank = 0; the tick wins over a
    # "low blood pressure" symptom, which wins over the systolic.
    pressors = number(a, "vasopressors") or 0
    systolic = number(a, "systolic")
    if pressors >= 2:
        circulation = 4
    elif pressors == 1 or a.get("vasopressin") == "yes":
        circulation = 3
    elif a.get("hypotension") == "yes":
        circulation = 2
    elif a.get("hypotension") == "no":
        circulation = 0
    elif "low_blood_pressure" in (a.get("symptoms") or "").split():
        circulation = 2
    elif systolic is not None:
        circulation = 2 if systolic < below else 0
    else:
        circulation = None

    # read_oxygen () and oxygen_could_reach ().
    device, flow = a.get("o2-device"), number(a, "o2-flow-l-min", float)
    fio2 = number(a, "fio2-percent")
    high_flow = flow is not None and flow > LOW_FLOW_MAX_L_MIN + FLOW_EPSILON
    if device is None:
        if flow is not None and flow > 0:
            oxygen, could_reach = (3 if high_flow else 2), 4
        elif fio2 is not None and fio2 > 21:
            oxygen, could_reach = 2, 4
        else:
            oxygen, could_reach = None, 4
    elif device == "nasal_cannula":
        if flow is None:
            oxygen, could_reach = 2, 3
        else:
            oxygen = 3 if high_flow else 2
            could_reach = oxygen
    else:
        oxygen = could_reach = OXYGEN_GRADE[device]

    def result(grade, lowest):
        return Crs(grade, lowest, circulation, oxygen, temp is not None, masked)

    if not masked and temp is None:
        return result(None, 0)
    if not masked and not fever:
        return result(0, 0)     # ASTCT: no fever, no CRS
    worst = max(1 if fever else 0, circulation or 0, oxygen or 0)
    open_ = ((circulation is None and worst < 4) or could_reach > worst or
             (masked and temp is None and worst < 1))
    return result(None if open_ else worst, worst)


def icans_grade(a):
    """(grade, lowest) of crs-grade-icans.c: the tool recorded decides (ICE
    and CAPD both count when both are there); determined only with a tool
    score and a level of consciousness, or when it already reaches 4."""
    if a.get("ice-items") is not None:
        ice = len(a["ice-items"].split())
    else:
        ice = number(a, "ice-total")
    capd = number(a, "capd")
    ice_grade = None if ice is None else (0 if ice >= ICE_MAX else 1 if ice >= ICE_GRADE1_MIN
                                          else 2 if ice >= ICE_GRADE2_MIN else 3)
    capd_grade = None if capd is None else (0 if capd == 0 else 1 if capd < CAPD_GRADE3_MIN else 3)
    if a.get("arousal") in AROUSAL_GRADE:
        consciousness = AROUSAL_GRADE[a["arousal"]]
    else:
        consciousness = ACVPU_ICANS_GRADE.get(a.get("acvpu"))
    seizure = a.get("seizure")
    if seizure == "resolved":
        events = 3
    elif seizure == "prolonged":
        events = 4
    elif seizure is None and "seizure" in (a.get("symptoms") or "").split():
        events = 3
    else:
        events = 0
    if a.get("motor-weakness") == "yes":
        events = 4
    if a.get("cerebral-edema") == "focal":
        events = max(events, 3)
    elif a.get("cerebral-edema") == "diffuse":
        events = 4
    worst = max(g for g in (events, ice_grade, capd_grade, consciousness, 0) if g is not None)
    has_tool = ice_grade is not None or capd_grade is not None
    if worst >= 4 or (has_tool and consciousness is not None):
        return worst, worst
    return None, worst


def news2(a):
    """(total or None when a parameter is missing, sum of those recorded)."""
    def rr(v):
        return 3 if v <= 8 else 1 if v <= 11 else 0 if v <= 20 else 2 if v <= 24 else 3

    def spo2(v):
        return 3 if v <= 91 else 2 if v <= 93 else 1 if v <= 95 else 0

    def systolic(v):
        return 3 if v <= 90 else 2 if v <= 100 else 1 if v <= 110 else 0 if v <= 219 else 3

    def pulse(v):
        return 3 if v <= 40 else 1 if v <= 50 else 0 if v <= 90 else 1 if v <= 110 else 2 if v <= 130 else 3

    def temperature(v):
        t = tenths(v)
        return 3 if t <= 350 else 1 if t <= 360 else 0 if t <= 380 else 1 if t <= 390 else 2

    scores = []
    for key, score, kind in (("resp-rate", rr, int), ("spo2", spo2, int),
                             ("systolic", systolic, int), ("heart-rate", pulse, int),
                             ("temperature-c", temperature, float)):
        value = number(a, key, kind)
        scores.append(None if value is None else score(value))
    device, flow, fio2 = a.get("o2-device"), number(a, "o2-flow-l-min", float), number(a, "fio2-percent")
    if device is not None:
        scores.append(0 if device == "room_air" else 2)
    elif (flow is not None and flow > 0) or (fio2 is not None and fio2 > 21):
        scores.append(2)
    else:
        scores.append(None)
    acvpu = a.get("acvpu")
    scores.append(None if acvpu is None else 0 if acvpu == "A" else 3)
    partial = sum(s for s in scores if s is not None)
    return (None if None in scores else partial), partial


# crs-pews-chart.c: the NHS England PEWS charts (pews.md §3), each row
# (from, score): values from @from up to the next row's score @score.
PEWS_CHARTS = {
    "0_11_months": {"rr": [(0, 4), (10, 2), (20, 1), (30, 0), (50, 1), (60, 2), (70, 4)],
                    "hr": [(0, 4), (80, 2), (90, 1), (110, 0), (150, 1), (170, 2), (180, 4)],
                    "sbp": [(0, 4), (50, 2), (60, 1), (70, 0), (90, 1), (100, 2), (110, 4)]},
    "1_4_years": {"rr": [(0, 4), (10, 2), (20, 0), (40, 1), (50, 2), (60, 4)],
                  "hr": [(0, 4), (60, 2), (70, 1), (90, 0), (140, 1), (150, 2), (170, 4)],
                  "sbp": [(0, 4), (50, 2), (60, 1), (80, 0), (100, 1), (120, 2), (130, 4)]},
    "5_12_years": {"rr": [(0, 4), (10, 2), (15, 1), (20, 0), (25, 1), (40, 2), (50, 4)],
                   "hr": [(0, 4), (60, 2), (70, 1), (80, 0), (120, 1), (140, 2), (160, 4)],
                   "sbp": [(0, 4), (70, 2), (80, 1), (90, 0), (110, 1), (120, 2), (130, 4)]},
    "13_years": {"rr": [(0, 4), (10, 1), (15, 0), (25, 1), (30, 2), (40, 4)],
                 "hr": [(0, 4), (50, 2), (60, 1), (70, 0), (100, 1), (120, 2), (130, 4)],
                 "sbp": [(0, 4), (80, 2), (90, 1), (100, 0), (120, 1), (130, 2), (140, 4)]},
}
PEWS_DISTRESS = {"none": 0, "mild": 1, "moderate": 2, "severe": 4}
PEWS_SKIP = {"nco": 0, "u0": 0, "u4": 4}
PEWS_SUPPORT = ("hfnc", "cpap", "bipap", "ventilator")   # score 4 whatever the level
PEWS_LEVELS = ["none", "low", "medium", "high", "emergency"]
PEWS_LEVEL_MIN = [0, 1, 5, 9, 13]
PEWS_AVPU_LEVEL = {"V": 3, "P": 4, "U": 4}
PEWS_SEPSIS_LEVEL = {"suspected": 2, "shock": 3}


def pews_band(years):
    """crs_pews_band_for_age () from completed years (the charts' edges
    fall on whole years)."""
    return "0_11_months" if years < 1 else "1_4_years" if years < 5 else \
        "5_12_years" if years < 13 else "13_years"


def pews(a, band):
    """crs_pews_compute (): (total or None, sum of what was recorded,
    level with the triggers). Only what this script writes: oxygen by
    device and L/min."""
    def banded(key, table):
        value = number(a, key)
        if value is None:
            return None
        return [score for start, score in PEWS_CHARTS[band][table] if value >= start][-1]

    def spo2(v):
        return 0 if v >= 95 else 1 if v >= 92 else 4

    def oxygen():
        device, flow = a.get("o2-device"), number(a, "o2-flow-l-min", float)
        if device in PEWS_SUPPORT:
            return 4, True
        if flow is not None and flow > 0:
            return (4 if flow > 5.99 else 2 if flow > 1.99 else 1), True
        if device == "room_air":
            return 0, True
        if device is None:
            return None, False
        return 1, False            # oxygen with no level: at least 1

    scores = [banded("resp-rate", "rr"), PEWS_DISTRESS.get(a.get("resp-distress"))]
    value = number(a, "spo2")
    scores.append(None if value is None else spo2(value))
    o2, o2_exact = oxygen()
    scores.append(o2)
    scores.append(banded("heart-rate", "hr"))
    systolic, skip = banded("systolic", "sbp"), PEWS_SKIP.get(a.get("bp-skip"))
    scores.append(max(s for s in (systolic, skip) if s is not None)
                  if systolic is not None or skip is not None else None)
    crt = number(a, "crt-s", float)
    scores.append(None if crt is None else 2 if crt > 2.0 else 0)
    recorded = sum(s for s in scores if s is not None)
    total = None if None in scores or not o2_exact else recorded
    level = max(i for i, m in enumerate(PEWS_LEVEL_MIN) if recorded >= m)
    level = max(level, PEWS_AVPU_LEVEL.get(a.get("acvpu"), 0),
                PEWS_SEPSIS_LEVEL.get(a.get("sepsis"), 0),
                1 if a.get("carer") == "worse" else 0, 1 if a.get("intuition") == "yes" else 0)
    return total, recorded, level


def grade_flags(a, crs, icans, adult_news2, child_band=None):
    """The red flags of crs_red_flags_compute (), as (kind, words) pairs in
    the order crs_red_flags_describe () lists them; no NEWS2 flag when
    NEWS2 is not used for the patient's age, and then a PEWS flag at the
    chart's levels high and emergency (@child_band: the child's chart)."""
    flags = []
    for s in (a.get("symptoms") or "").split():
        if s in EMERGENCY_SYMPTOMS:
            flags.append(("symptom", EMERGENCY_SYMPTOMS[s]))

    def grade_words(scale, grade, lowest):
        if grade is not None:
            return "%s grade %d" % (scale, grade)
        return "%s grade %d or more" % (scale, lowest)

    # The grade, or the floor the findings prove, of 3 or more.
    if (crs.grade if crs.grade is not None else crs.lowest) >= RED_FLAG_GRADE_MIN:
        flags.append(("grade", grade_words("CRS", crs.grade, crs.lowest)))
    # crs_finding_flag (): CRS cannot be graded (no temperature, fever not
    # masked) while a pressor or an oxygen device of grade 3-4 is recorded.
    if not crs.masked and not crs.temperature_recorded and \
            max(crs.circulation or 0, crs.oxygen or 0) >= RED_FLAG_GRADE_MIN:
        flags.append(("finding", "vasopressor support while CRS cannot be graded"
                      if (crs.circulation or 0) >= RED_FLAG_GRADE_MIN
                      else "oxygen of CRS grade 3 or more while CRS cannot be graded"))
    grade, lowest = icans
    if (grade if grade is not None else lowest) >= RED_FLAG_GRADE_MIN:
        flags.append(("grade", grade_words("ICANS", grade, lowest)))
    total, partial = news2(a)
    if adult_news2 and (total if total is not None else partial) >= RED_FLAG_NEWS2_MIN:
        flags.append(("news2", "NEWS2 %d" % (total if total is not None else partial)))
    if child_band is not None:
        total, recorded, level = pews(a, child_band)
        if level >= PEWS_LEVELS.index("high"):
            flags.append(("pews", "PEWS %d (%s)" % (total if total is not None else recorded,
                                                    PEWS_LEVELS[level])))
    # Consciousness C, V, P or U on every set where it is recorded.
    if a.get("acvpu") in CONSCIOUSNESS_FLAG_ACVPU:
        flags.append(("consciousness", ACVPU_WORDS[a["acvpu"]]))
    return flags


def mark_red_flags(p, versions):
    """Sets v.flags on each current version, walking them in time order
    with the context crs_grading_history_context () gives each set: the
    episode (since the latest infusion at or before it), its CRS onset
    (the episode's first set with fever >= 38.0 C) and fever masked by an
    antipyretic, anti-cytokine or corticosteroid given at or after the
    onset and at or before the set."""
    starts = [minute(p, i[0]) for i in p.infusions]
    masking = [minute(p, i[0]) for i in p.interventions if i[1] in MASKING_KINDS]
    years = age_years(p)
    below = hypotension_below(years)
    adult_news2 = years >= NEWS2_MIN_AGE
    episode, onset = None, None
    for v in sorted((v for v in versions if v.current), key=lambda v: (v.taken, v.order)):
        if v.taken < -AGE_SAME_WITHIN_MINUTES:
            raise SystemExit("%s: the set at %+.1f h is too long before the import for age_years ()"
                             % (p.mrn, p.hours(v.t)))
        ep = max((s for s in starts if s <= v.taken), default=None)
        if ep != episode:
            episode, onset = ep, None
        temp = number(v.attrs, "temperature-c", float)
        if onset is None and temp is not None and tenths(temp) >= FEVER_TENTHS:
            onset = v.taken
        masked = onset is not None and any(onset <= m <= v.taken for m in masking)
        crs = crs_grade(v.attrs, masked, below)
        v.flags = grade_flags(v.attrs, crs, icans_grade(v.attrs), adult_news2,
                              None if adult_news2 else pews_band(years))

# Acknowledgements: 10 to 40 minutes after the set, by the nurse then on
# shift; drawn from their own generator, so that adding or removing one
# leaves every other value of the file as it was.
ACK_DELAY_MINUTES = (10, 40)
OPEN_FLAG_WITHIN_MINUTES = 120   # a designated patient's open flag is recent
ack_rng = random.Random(SEED + 1)

# What was done soon after a red flag, for the acknowledgement's note.
ACTION_WORDS = {"anti_cytokine": "%s prescribed", "corticosteroid": "%s prescribed",
                "fluid_bolus": "fluid bolus prescribed", "vasopressor_start": "%s started",
                "oxygen_change": "oxygen increased", "icu_transfer": "ICU transfer arranged",
                "infusion_paused": "infusion paused"}


def worse(flags, before):
    """Whether @flags hold a finding the doctor has not heard of: a flag
    that was not there, or a NEWS2 higher than before."""
    def score_of(fl, score):
        return max((int(w.split()[1]) for k, w in fl if k == score), default=None)
    for kind, words in flags:
        if kind in ("news2", "pews"):
            if score_of(before, kind) is None or score_of(flags, kind) > score_of(before, kind):
                return True
        elif (kind, words) not in before:
            return True
    return False


def ack_note(p, v, previous):
    """A nurse's note for an acknowledgement nobody scripted: who was
    informed of what, and what was done within the hour."""
    what = [words for kind, words in v.flags if kind != "symptom"] or \
           [words for kind, words in v.flags]
    if previous is not None and not worse(v.flags, previous.flags):
        news = [w for k, w in v.flags if k == "news2"]
        before = [w for k, w in previous.flags if k == "news2"]
        if news and before and news != before:
            return "%s, was %s; %s aware, plan continues." % (news[0], before[0].split()[-1], p.doctor)
        return "No change since the last review; %s aware, plan continues." % p.doctor
    actions = []
    for (t, kind, drug, dose, note) in sorted(p.interventions, key=lambda i: i[0]):
        if kind in ACTION_WORDS and 0 <= minute(p, t) - v.taken <= 60:
            words = ACTION_WORDS[kind] % drug if "%s" in ACTION_WORDS[kind] else ACTION_WORDS[kind]
            if words not in actions:
                actions.append(words)
    what = ", ".join(what)
    note = "%s%s: %s informed, reviewed at the bedside" % (what[0].upper(), what[1:], p.doctor)
    if actions:
        note += "; " + ", ".join(actions)
    return note + "."


def acknowledge(p, versions):
    """Gives every current version with a red flag its acknowledgement,
    except the latest of a patient whose flag is left open; refuses a
    scripted acknowledgement on a set without a red flag."""
    flagged = sorted((v for v in versions if v.current and v.flags),
                     key=lambda v: (v.taken, v.order))
    for v in versions:
        if v.ack_text is not None and not (v.current and v.flags):
            raise SystemExit("%s: the set at %+.1f h raises no red flag but has an acknowledgement"
                             % (p.mrn, p.hours(v.t)))
    if p.leave_open:
        if not flagged or not -OPEN_FLAG_WITHIN_MINUTES <= flagged[-1].taken < 0:
            raise SystemExit("%s: the red flag left open is not within the last %d minutes"
                             % (p.mrn, OPEN_FLAG_WITHIN_MINUTES))
        flagged = flagged[:-1]
    previous = None
    for v in flagged:
        # After the set (and after a correction of it was saved).
        earliest = max(ACK_DELAY_MINUTES[0], v.recorded - v.taken + 2)
        delay = ack_rng.randint(earliest, ACK_DELAY_MINUTES[1])
        if v.taken + delay >= 0:
            raise SystemExit("%s: the red flag at %+.1f h cannot be acknowledged before the import"
                             % (p.mrn, p.hours(v.t)))
        v.ack_at = v.taken + delay
        v.ack_author = nurse_at((8 + v.ack_at / 60) % 24)
        if v.ack_text is None:
            v.ack_text = ack_note(p, v, previous)
        previous = v


# ---------------------------------------------------------------------------
# Output

def pick(value, digits=0):
    """A value, or a value drawn from a (low, high) range."""
    if isinstance(value, tuple):
        low, high = value
        if digits:
            return round(rng.uniform(low, high), digits)
        return rng.randint(low, high)
    return value


def attrs(pairs):
    return "".join(" %s=%s" % (k, quoteattr(str(v))) for k, v in pairs if v is not None)


def fmt_temp(t):
    return ("%.1f" % t)


def observation_attrs(p, t, state):
    # The nurse on shift, as if the ward were imported at 08:00.
    hour_of_day = (8 + p.hours(t)) % 24
    recorded = t + rng.choice([3, 4, 6, 8, 12]) / 60
    pairs = [("taken", offset(p.hours(t))),
             ("recorded", offset(p.hours(recorded))),
             ("author", nurse_at(hour_of_day))]
    temp = pick(state["temp"], 1)
    pairs += [("temperature-c", fmt_temp(temp)),
              ("heart-rate", pick(state["hr"])),
              ("resp-rate", pick(state["rr"])),
              ("systolic", pick(state["sbp"])),
              ("diastolic", pick(state["dbp"])),
              ("spo2", pick(state["spo2"])),
              ("o2-device", state["device"]),
              ("o2-flow-l-min", state["flow"]),
              ("fio2-percent", state.get("fio2")),
              ("hypotension", state["hypo"]),
              ("vasopressors", state["vaso"]),
              ("acvpu", state["acvpu"]),
              ("arousal", state["arousal"])]
    if state["ice"] is not None and not p.child:
        pairs.append(("ice-items", ice_items(state["ice"])))
    if state["capd"] is not None and p.child:
        pairs.append(("capd", state["capd"]))
    if state.get("seizure"):
        pairs.append(("seizure", state["seizure"]))
    if state["symptoms"]:
        pairs.append(("symptoms", " ".join(state["symptoms"])))
    if p.child:
        # The rows of the PEWS chart that NEWS2 has not.
        crt = pick(state.get("crt"))
        pairs += [("resp-distress", state.get("distress")),
                  ("crt-s", None if crt is None else "%g" % crt),
                  ("carer", state.get("carer")),
                  ("intuition", state.get("intuition")),
                  ("sepsis", state.get("sepsis"))]
    return pairs


class Version:
    """One version of an observation set as written: the first, or a
    correction that supersedes it."""

    def __init__(self, p, order, oid, t, pairs, note=None, ack_text=None):
        self.order = order
        self.id = oid
        self.t = t
        self.pairs = pairs
        self.attrs = {k: str(v) for k, v in pairs if v is not None}
        self.taken = minute(p, t)
        self.recorded = int(round(parse_offset(self.attrs["recorded"])))
        self.note = note
        self.ack_text = ack_text    # scripted; else written by ack_note ()
        self.ack_at = None          # minutes from the import
        self.ack_author = None
        self.supersedes = None
        self.amend_reason = None
        self.current = True
        self.flags = []


def parse_offset(text):
    """Minutes of an offset () text."""
    sign = -1 if text.startswith("-") else 1
    days = hours = minutes = 0
    body = text.lstrip("-")[1:]
    date, _, time = body.partition("T")
    if date:
        days = int(date[:-1])
    number_text = ""
    for ch in time:
        if ch.isdigit():
            number_text += ch
        elif ch == "H":
            hours, number_text = int(number_text), ""
        elif ch == "M":
            minutes, number_text = int(number_text), ""
    return sign * (days * 1440 + hours * 60 + minutes)


next_id = 1


def observation_versions(p):
    """Every version of every set of @p in time order, values drawn."""
    global next_id
    versions = []
    for (t, state, note, ack, amend) in sorted(p.observations, key=lambda o: o[0]):
        v = Version(p, len(versions), "o%d" % next_id, t, observation_attrs(p, t, state), note, ack)
        next_id += 1
        versions.append(v)
        if amend:
            # The corrected version: same set, one value fixed, saved
            # twenty minutes later by the same nurse; the acknowledgement
            # belongs to the version that stays.
            field, value, reason = amend
            fixed = [(k, value if k == field else v2) for k, v2 in v.pairs]
            fixed = [(k, offset(p.hours(t + 20 / 60)) if k == "recorded" else v2)
                     for k, v2 in fixed]
            c = Version(p, len(versions), "o%d" % next_id, t, fixed, None, v.ack_text)
            next_id += 1
            c.supersedes, c.amend_reason = v.id, reason
            v.current, v.ack_text = False, None
            versions.append(c)
    return versions


def write(out):
    patients = make_patients()
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w("<!-- The CRS Watch demo ward: fictional patients, written by\n"
      "     data/make-demo-ward.py (edit that, not this). Times are offsets\n"
      "     from the moment of import. -->\n")
    w('<ward xmlns="%s" times="relative" generator="make-demo-ward.py">\n' % NS)
    w('  <settings>\n')
    w('    <setting key="ward-name" value="Haematology 4B (demo)"/>\n')
    w('  </settings>\n')
    for p in patients:
        flags = [("high-disease-burden", "true") if "high-disease-burden" in p.flags else (None, None),
                 ("comorbidities", "true") if "comorbidities" in p.flags else (None, None),
                 ("prior-crs", "true") if "prior-crs" in p.flags else (None, None)]
        pairs = [("mrn", p.mrn), ("name", p.name),
                 ("birth-date", "-P%dY%dM" % p.age), ("sex", p.sex),
                 ("weight-kg", "%g" % p.weight), ("bed", p.bed), ("ward", "4B")]
        if p.child:
            pairs.append(("use-capd", "true"))
        pairs += [f for f in flags if f[0] is not None]
        w("  <patient%s>\n" % attrs(pairs))
        w("    <diagnosis>%s</diagnosis>\n" % escape(p.diagnosis))
        if p.risk_notes:
            w("    <risk-notes>%s</risk-notes>\n" % escape(p.risk_notes))

        for (t, code, name, dose, unit, step, end, note) in p.infusions:
            ipairs = [("therapy-code", code), ("therapy-name", name),
                      ("dose", None if dose is None else "%g" % dose), ("dose-unit", unit),
                      ("step", step), ("start", offset(p.hours(t))),
                      ("end", None if end is None else offset(p.hours(end))),
                      ("author", nurse_at((8 + p.hours(t)) % 24))]
            if note:
                w("    <infusion%s>\n      <note>%s</note>\n    </infusion>\n"
                  % (attrs(ipairs), escape(note)))
            else:
                w("    <infusion%s/>\n" % attrs(ipairs))

        versions = observation_versions(p)
        mark_red_flags(p, versions)
        acknowledge(p, versions)
        for v in versions:
            head = [("id", v.id)]
            if v.supersedes:
                head += [("supersedes", v.supersedes), ("amend-reason", v.amend_reason)]
            children = []
            if v.note:
                children.append("      <note>%s</note>\n" % escape(v.note))
            if v.ack_at is not None:
                children.append("      <acknowledgement%s>\n        <note>%s</note>\n"
                                "      </acknowledgement>\n"
                                % (attrs([("at", offset(v.ack_at / 60)), ("author", v.ack_author)]),
                                   escape(v.ack_text)))
            w("    <observation%s" % attrs(head + v.pairs))
            w(">\n%s    </observation>\n" % "".join(children) if children else "/>\n")

        for (t, kind, drug, dose, note) in sorted(p.interventions, key=lambda i: i[0]):
            ipairs = [("at", offset(p.hours(t))), ("kind", kind), ("drug", drug), ("dose", dose),
                      ("author", nurse_at((8 + p.hours(t)) % 24))]
            if note:
                w("    <intervention%s>\n      <note>%s</note>\n    </intervention>\n"
                  % (attrs(ipairs), escape(note)))
            else:
                w("    <intervention%s/>\n" % attrs(ipairs))

        for (t, loinc, name, value, unit) in sorted(p.labs, key=lambda l: (l[0], l[1])):
            w("    <lab-result%s/>\n" % attrs([("at", offset(p.hours(t))), ("loinc", loinc),
                                               ("name", name), ("value", "%g" % value),
                                               ("unit", unit), ("author", "lab")]))
        w("  </patient>\n")
    w("</ward>\n")


def main(argv):
    import io
    buffer = io.StringIO()
    write(buffer)
    text = buffer.getvalue()
    if len(argv) == 3 and argv[1] == "--check":
        with open(argv[2], encoding="utf-8") as f:
            if f.read() != text:
                sys.stderr.write("%s is not what %s writes: run\n  python3 %s > %s\n"
                                 % (argv[2], argv[0], argv[0], argv[2]))
                return 1
        return 0
    if len(argv) != 1:
        sys.stderr.write("usage: %s [--check FILE]\n" % argv[0])
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

// The example in the case-format contract (docs/case-format.md), copied verbatim: every key it
// names must be accepted. It links to objects it does not define, so a second file supplies them,
// which also exercises the directory merge.
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse.js';
import { expectOk, expectProblems } from './fixtures.js';

const contractExample = `case:
  id: afghanistan-doha
  title: Afghanistan — the Doha agreement and the Taliban's de facto authorities
  subject: taliban                 # actor id whose conduct is assessed
  period: { start: 2020-02-29 }    # optional end
  marking: TLP:CLEAR               # TLP:CLEAR | TLP:GREEN | TLP:AMBER | TLP:AMBER+STRICT | TLP:RED
  summary: free text

actors:
  - id: taliban
    kind: armed_group              # state | government | armed_group | organization | international_org | person
    name: Taliban
    aliases: [Islamic Emirate of Afghanistan, Taleban]
    country: AF                    # ISO 3166-1 alpha-2, optional
    dataset_ids: { ucdp: [303] }   # optional: how this actor appears in event datasets
    # persons only, all optional:
    birth_date: 1973               # full or partial date
    nationality: [AF]
    sanctions_refs: [TAi.144]      # known list references, optional

relationships:
  - id: rel-taliban-aq
    from: taliban
    to: al-qaida
    type: allied_with              # member_of | leads | allied_with | supports | hosts | opposes | holds_office
    role: Minister of Interior     # optional, for holds_office
    since: 1996                    # optional
    until: null                    # optional

sources:
  - id: un-mt-12
    kind: report                   # agreement | statement | report | dataset | news | article | testimony | other
    title: Twelfth report of the Analytical Support and Sanctions Monitoring Team
    publisher: UN Security Council
    reference: S/2021/486          # document symbol, optional
    date: 2021-06-01
    url: https://...               # optional
    reliability: A                 # Admiralty source reliability A–F (default F: cannot be judged)

commitments:
  - id: ct-no-use-of-soil
    by: taliban                    # actor id (who pledged)
    source: doha-agreement
    ref: Part Two, clause 1        # where in the source
    made: 2020-02-29
    category: counterterrorism     # counterterrorism | violence | political_process | human_rights | women | prisoners | governance | other
    kind: prohibition              # prohibition (must not happen) | obligation (must happen)
    due: null                      # obligations: optional deadline
    text: paraphrase in the analyst's words; a short quotation may be marked with quotes

conditions:
  - id: cond-break-with-aq
    set_by: [united-states, united-kingdom, european-union]
    category: counterterrorism
    text: verifiable break with al-Qaida and no sanctuary for foreign terrorist fighters
    requires: [ct-no-use-of-soil]  # commitments that must be kept; may be empty

leverage:
  - id: lev-central-bank-assets
    held_by: united-states
    kind: asset_release            # recognition | sanctions_relief | asset_release | aid | travel_exemption | talks | prisoner_release | other
    text: about USD 9 billion of Afghan central-bank reserves held abroad
    amount: { value: 9000000000, currency: USD }   # optional
    gated_by: [cond-break-with-aq]
    review: 2021-12-20             # optional next review date
    decisions:                     # what was actually done, optional
      - { date: 2020-09-03, action: released, text: ... }   # released | partly_released | withheld | renewed | revoked

positions:
  - { party: united-kingdom, condition: cond-break-with-aq, stance: requires }   # requires | supports | neutral | opposes

evidence:
  - id: ev-un-mt-12-aq-ties
    source: un-mt-12
    observed: { from: 2020-05-01, to: 2021-04-30 }   # when the facts happened; \`to\` optional
    recorded: 2021-06-01                             # when it became known to the analyst (default: source date)
    location: { country: AF, admin1: Ghazni }        # optional
    credibility: 2                                   # Admiralty information credibility 1–6 (default 6)
    reliability: null                                # optional override of the source's grade
    summary: paraphrase of the finding, in the analyst's words
    bears_on:
      - { target: ct-no-use-of-soil, stance: contradicts, strength: strong }  # stance: supports | contradicts | context; strength: strong | moderate | weak (default moderate)
      - { target: h-unchanged, stance: supports }
    supersedes: null                                 # id of the item this one corrects
    retracted: null                                  # { date, reason } — kept, but no longer counts from that date

claims:
  - id: claim-break-with-aq
    by: us-secretary-of-state      # actor id
    made: 2020-03-02
    source: statement-id
    text: what was claimed, paraphrased or briefly quoted
    asserts: { target: ct-no-use-of-soil, status: kept }   # kept | broken (commitments), met | not_met (conditions)

hypotheses:
  - id: taliban-intent
    question: Has the Taliban leadership changed its conduct since 2001?
    options:
      - { id: h-moderated, text: ... }
      - { id: h-unchanged, text: ... }
    ratings:                       # ACH matrix cells; evidence × option
      - { evidence: ev-un-mt-12-aq-ties, option: h-moderated, rating: II }   # CC | C | N | I | II | NA

indicators:
  - id: ind-taliban-violence
    dataset: ucdp-ged              # ucdp-ged | acled
    filter:
      country: Afghanistan         # dataset's own country name, or ISO code
      actors_any: [taliban]        # actor ids (mapped through dataset_ids and names) or dataset actor names
      violence_types: [1, 3]       # UCDP type_of_violence; ACLED uses event_types: [...]
      admin1: []                   # optional
    measure: events                # events | fatalities | civilian_fatalities
    period: week                   # week (ISO, Monday start) | month

tripwires:
  - id: tw-violence-during-talks
    kind: rise_over_baseline       # rise_over_baseline | zscore | review_due | sanctioned_officeholder
    indicator: ind-taliban-violence
    baseline: { from: 2020-02-22, to: 2020-02-28 }
    active: { from: 2020-09-12 }
    factor: 1.5
    min_value: 5
    advice: condition the pace of talks on violence levels
  - id: tw-travel-exemption-review
    kind: review_due
    leverage: lev-un-travel-exemption
    within_days: 30
`;

/** The objects the example links to without defining them. */
const supplement = `actors:
  - { id: al-qaida, kind: armed_group, name: al-Qaida }
  - { id: united-states, kind: state, name: United States }
  - { id: united-kingdom, kind: state, name: United Kingdom }
  - { id: european-union, kind: international_org, name: European Union }
  - { id: us-secretary-of-state, kind: person, name: US Secretary of State }
sources:
  - { id: doha-agreement, kind: agreement, title: Agreement for Bringing Peace to Afghanistan, date: 2020-02-29 }
  - { id: statement-id, kind: statement, title: A statement, date: 2020-03-02 }
leverage:
  - { id: lev-un-travel-exemption, held_by: united-states, kind: travel_exemption, text: UN travel-ban exemptions }
`;

describe('the contract example', () => {
  it('has no problem other than the ids it leaves undefined', () => {
    const problems = expectProblems(parseCase([{ file: 'example.yaml', text: contractExample }]));
    for (const p of problems) expect(p.message, `${p.path}: ${p.message}`).toMatch(/^unknown id /);
  });

  it('loads once the missing objects are supplied in a second file', () => {
    const c = expectOk(parseCase([{ file: 'a-example.yaml', text: contractExample }, { file: 'b-supplement.yaml', text: supplement }]));
    expect(c.case).toEqual({
      id: 'afghanistan-doha',
      title: "Afghanistan \u2014 the Doha agreement and the Taliban's de facto authorities",
      subject: 'taliban',
      period: { start: '2020-02-29' },
      marking: 'TLP:CLEAR',
      summary: 'free text',
    });
    expect(c.actors[0]).toMatchObject({ id: 'taliban', birth_date: '1973', dataset_ids: { ucdp: [303] }, sanctions_refs: ['TAi.144'] });
    expect(c.actors.map((a) => a.id)).toEqual(['taliban', 'al-qaida', 'united-states', 'united-kingdom', 'european-union', 'us-secretary-of-state']);
    expect(c.relationships[0]).toMatchObject({ since: '1996', until: null });
    expect(c.sources[0]?.reliability).toBe('A');
    expect(c.evidence[0]?.bears_on).toEqual([
      { target: 'ct-no-use-of-soil', stance: 'contradicts', strength: 'strong' },
      { target: 'h-unchanged', stance: 'supports', strength: 'moderate' },
    ]);
    expect(c.leverage[0]?.decisions).toEqual([{ date: '2020-09-03', action: 'released', text: '...' }]);
    expect(c.tripwires.map((t) => t.kind)).toEqual(['rise_over_baseline', 'review_due']);
  });
});

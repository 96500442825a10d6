-- change_sensitivity's whole-period counts recomputed independently of Polku's Java (DuckDB SQL): every outcome
-- series of trajectories judged by Jacobson-Truax under each reliability of change_reliability (rxx, S1, critical
-- value of that table; YCORS is descriptive and left out), with the clinical status trajectories records:
-- z = change / (sqrt(2) * S1 * sqrt(1 - rxx)); reliably better when z > critical, worse when z < -critical;
-- recovered = better and clinical -> functional, harmed = worse and functional -> clinical.
-- Result: one row per region x instrument x respondent x arm x source with the counts.
with rel as (
  select instrument, age_band, reliability_source, rxx, sd, rci_critical from ${change_reliability}
  where rxx is not null and sd is not null),
j as (
  select t.region, t.instrument, t.respondent, t.arm, r.reliability_source, t.change, t.intake_clinical,
    t.latest_clinical, t.change / (sqrt(2) * (r.sd * sqrt(1 - r.rxx))) as z, r.rci_critical as c
  from ${trajectories} t join rel r using (instrument, age_band) where t.instrument in ('ORS', 'CORS')),
cat as (
  select *, case when change is null or intake_clinical is null then null
    when z > c then case when intake_clinical and not latest_clinical then 'recovered' else 'improved' end
    when z < -c then case when not intake_clinical and latest_clinical then 'harmed' else 'deteriorated' end
    else 'unchanged' end as category
  from j)
select region, instrument, respondent, arm, reliability_source, count(*) as n_episodes, count(category) as n_assessed,
  count(*) filter (where category = 'recovered') as recovered_n, count(*) filter (where category = 'improved') as improved_n,
  count(*) filter (where category = 'unchanged') as unchanged_n,
  count(*) filter (where category = 'deteriorated') as deteriorated_n, count(*) filter (where category = 'harmed') as harmed_n
from cat group by all

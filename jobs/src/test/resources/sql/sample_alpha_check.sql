-- Cronbach's alpha of the four items at intake per outcome instrument x age band, recomputed independently of
-- Polku's Java (DuckDB SQL over the clean sessions): the intake is a series' first measured session (lowest
-- session_no with a total); only intakes with all four items count; the age band is the series' (trajectories).
-- alpha = k/(k-1) * (1 - sum of item variances / variance of the sum), sample variances, k = 4.
with measured as (
  select case_id, episode_id, respondent, instrument, item1, item2, item3, item4,
    row_number() over (partition by case_id, episode_id, respondent, instrument order by session_no) as rn
  from ${sessions} where total is not null and instrument in ('ORS', 'CORS', 'YCORS')),
intake as (
  select m.*, t.age_band from measured m join ${trajectories} t using (case_id, episode_id, respondent, instrument)
  where rn = 1 and item1 is not null and item2 is not null and item3 is not null and item4 is not null)
select instrument, age_band, count(*) as n,
  4.0 / 3 * (1 - (var_samp(item1) + var_samp(item2) + var_samp(item3) + var_samp(item4))
    / var_samp(item1 + item2 + item3 + item4)) as alpha
from intake group by all order by 1, 2

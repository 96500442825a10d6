-- domain_change recomputed independently of Polku's Java (DuckDB SQL over the clean life_situation table):
-- per case x episode x respondent x domain the first and last answered rating (by round), rounds answered,
-- change (two or more answered rounds), traffic lights 0-5 red / 6-7 yellow / 8-10 green (Diak), transition,
-- the episode's domains improved and worsened, the version of the latest round, region and arm of the first and
-- the domain's name (datasets/DATA_DICTIONARY.md). ${life_situation} and
-- ${domain_change} are replaced by the tables' Parquet globs. The result is the rows found on one side only.
with ls as (select * from ${life_situation}),
doms as (select unnest(range(1, 11)) as domain),
long as (
  select case_id, episode_id, respondent, round, domain,
    case domain when 1 then d01 when 2 then d02 when 3 then d03 when 4 then d04 when 5 then d05
      when 6 then d06 when 7 then d07 when 8 then d08 when 9 then d09 else d10 end as rating
  from ls cross join doms),
agg as (
  select case_id, episode_id, respondent, domain, count(*) as n, min(round) as first_round,
    arg_min(rating, round) as first_rating, max(round) as last_round, arg_max(rating, round) as last_rating
  from long where rating is not null group by all),
eps as (select case_id, episode_id, respondent, arg_min(region, round) as region, arg_min(arm, round) as arm,
    arg_max(version, round) as version from ls group by all),
x as (
  select e.case_id, e.episode_id, e.region, e.arm, e.respondent, e.version, d.domain,
    ['health', 'resilience', 'housing', 'daily_coping', 'family_and_close_ones', 'friends', 'finances',
     'developing_own_strengths', 'self_esteem', 'life_as_a_whole'][d.domain] as domain_name, coalesce(a.n, 0)::int as rounds_answered,
    a.first_round, a.first_rating, a.last_round, a.last_rating,
    case when a.n >= 2 then a.last_rating - a.first_rating end as change,
    case when a.first_rating <= 5 then 'red' when a.first_rating <= 7 then 'yellow' when a.first_rating is not null then 'green' end as first_light,
    case when a.last_rating <= 5 then 'red' when a.last_rating <= 7 then 'yellow' when a.last_rating is not null then 'green' end as last_light
  from eps e cross join doms d left join agg a using (case_id, episode_id, respondent, domain)),
y as (
  select *, case when change is not null then first_light || '→' || last_light end as transition,
    (count(*) filter (where change > 0) over (partition by case_id, episode_id, respondent))::int as episode_domains_improved,
    (count(*) filter (where change < 0) over (partition by case_id, episode_id, respondent))::int as episode_domains_worsened
  from x),
p as (select case_id, episode_id, region, arm, respondent, version, domain, domain_name, rounds_answered, first_round, first_rating, last_round,
    last_rating, change, first_light, last_light, transition, episode_domains_improved, episode_domains_worsened
  from ${domain_change})
select 'only_sql' as side, * from (select * from y except select * from p)
union all
select 'only_polku' as side, * from (select * from p except select * from y)

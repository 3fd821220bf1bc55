/**
 * The self-identified demographic values Candor keeps (table `candidate_demographics`, migration
 * 0010), each category with an explicit `declined`. Race/ethnicity follows the EEO-1 categories
 * that the NYC DCWP rules (6 RCNY § 5-300) name for bias audits; age is the ADEA's line at 40.
 */
export const SEX_VALUES = ['female', 'male', 'other', 'declined'] as const;
export type Sex = (typeof SEX_VALUES)[number];

export const RACE_ETHNICITY_VALUES = [
  'hispanic_or_latino',
  'white',
  'black_or_african_american',
  'native_hawaiian_or_pacific_islander',
  'asian',
  'native_american_or_alaska_native',
  'two_or_more_races',
  'declined',
] as const;
export type RaceEthnicity = (typeof RACE_ETHNICITY_VALUES)[number];

export const AGE_BAND_VALUES = ['under_40', '40_or_over', 'declined'] as const;
export type AgeBand = (typeof AGE_BAND_VALUES)[number];

/** What a candidate said of themself; every field may be `declined`. */
export interface Demographics {
  readonly sex: Sex;
  readonly raceEthnicity: RaceEthnicity;
  readonly ageBand: AgeBand;
}

/** The demographic fields by the names the API and CSV use, with the values each accepts. */
export const DEMOGRAPHIC_FIELDS = {
  sex: SEX_VALUES,
  race_ethnicity: RACE_ETHNICITY_VALUES,
  age_band: AGE_BAND_VALUES,
} as const;
export type DemographicField = keyof typeof DEMOGRAPHIC_FIELDS;

/** How the values were collected; only the candidate's own answer is kept. */
export const DEMOGRAPHIC_SOURCES = ['self_identified'] as const;
export type DemographicSource = (typeof DEMOGRAPHIC_SOURCES)[number];

/** Labels for reports, as the DCWP rules and EEO-1 spell the groups. */
export const GROUP_LABELS: Readonly<Record<string, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Another sex or gender',
  hispanic_or_latino: 'Hispanic or Latino',
  white: 'White (not Hispanic or Latino)',
  black_or_african_american: 'Black or African American (not Hispanic or Latino)',
  native_hawaiian_or_pacific_islander: 'Native Hawaiian or Pacific Islander (not Hispanic or Latino)',
  asian: 'Asian (not Hispanic or Latino)',
  native_american_or_alaska_native: 'Native American or Alaska Native (not Hispanic or Latino)',
  two_or_more_races: 'Two or more races (not Hispanic or Latino)',
  under_40: 'Under 40',
  '40_or_over': '40 or over',
};

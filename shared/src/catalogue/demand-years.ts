/**
 * Demand of the year (issue 14 point 8): the category mix a scenario's year calls for.
 *
 * What the annual 接诉即办 reports give, and how each year is built from it:
 * - 2020 (sourced): the top ten categories of the 2020 annual report (12345 took 1,103.94万 contacts;
 *   疫情防控 first with 107.7万 = 9.76 %; 北京日报 2021-01-08, 新京报 2021-01-08
 *   bjnews.com.cn/detail/161007287415103.html; DOMAIN.md §4). The catalogue's shares are this mix.
 * - 2019 (sourced in kind, not in figures): top complaints were unlicensed trading, illegal parking,
 *   noise, garbage, heating and property management (DOMAIN.md §4), all in the 2020 mix too; no
 *   category figures are published, so 2019 is the 2020 mix without the epidemic (COVID-19 began in
 *   2020), the others scaled up in proportion.
 * - 2021 and 2022 (assumed): no published category figures were found; the epidemic's share is assumed
 *   (5 % in 2021, between waves; 10 % in 2022, the Omicron waves and the reopening in December) and the
 *   other categories keep their 2020 proportions.
 * - 2023 onwards (assumed proportions): no epidemic appeals (prevention measures ended in Dec 2022 /
 *   Jan 2023); the other categories keep their 2020 proportions, since no later annual category
 *   figures were found.
 *
 * Searched again for other years' shares (2026-12-02; 北京 12345 年度 数据分析 报告 2021-2024 诉求 前十
 * 类别 占比, 北京市接诉即办 年度报告): the published texts found give volumes and the 三率, not a category
 * mix. 2020 remains the only year with category figures (the 2020 report above, also
 * beijing.gov.cn/hudong/jpzt/2020jsjbbps). In kind only: 2019's consultations were mostly about health
 * and its complaints about market management, parking, noise, garbage, heating and property (2019
 * hotline data of 2020-01-19, as summarised by 北京天津ジャピオン 2020-02-03, beijing.shvoice.com/?p=32313),
 * which the 2020 mix also leads with. Volumes only: 2024 January-June 11.2 M contacts (北京青年报 2024,
 * via 360elib NC522/50729822), January-September 17.64 M (新京报 2024-10-17,
 * epaper.bjnews.com.cn/html/2024-10/17/content_849299.htm). So every year but 2020 stays assumed:
 * 2020's proportions with the year's epidemic share (docs/ASSUMPTIONS.md, "Topics, demand and adoption").
 */
import { CATEGORIES, type AppealCategory } from './categories';

/** The epidemic category, which exists only in 2020-2022. */
export const EPIDEMIC_CATEGORY = 'epidemic-prevention';

/** Share of all contacts about the epidemic, by year; 0 in years not listed. */
export const EPIDEMIC_SHARE_BY_YEAR: Readonly<Record<number, number>> = {
  2020: 107.7 / 1103.94, // sourced: 2020 annual report
  2021: 0.05, // assumed
  2022: 0.1, // assumed
};

/**
 * Each category's share of all contacts in a year (catalogue order, summing to 1): the epidemic's
 * share of that year, the other categories in their 2020 proportions.
 */
export function categorySharesForYear(
  year: number,
  categories: readonly AppealCategory[] = CATEGORIES,
): number[] {
  const epidemic = EPIDEMIC_SHARE_BY_YEAR[year] ?? 0;
  const others = categories.reduce((a, c) => a + (c.id === EPIDEMIC_CATEGORY ? 0 : c.share), 0);
  return categories.map((c) => (c.id === EPIDEMIC_CATEGORY ? epidemic : (c.share * (1 - epidemic)) / others));
}

export {
  I18nProvider,
  useI18n,
  makeFormatters,
  type Lang,
  type I18n,
  type Bilingual,
  type Formatters,
} from './i18n';
export { MESSAGES, type MessageKey } from './messages';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Theme } from './palette';

const ThemeContext = createContext<{ theme: Theme; setTheme(theme: Theme): void } | null>(null);

function initialTheme(): Theme {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  if (fromUrl === 'dark' || fromUrl === 'light') return fromUrl;
  const stored = window.localStorage.getItem('hotline-theme');
  return stored === 'light' ? 'light' : 'dark';
}

/** Dark (the default: projectors in dim rooms) or light (bright rooms), kept across visits. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    window.localStorage.setItem('hotline-theme', theme);
  }, [theme]);
  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>;
}

export function useTheme() {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme outside ThemeProvider');
  return value;
}

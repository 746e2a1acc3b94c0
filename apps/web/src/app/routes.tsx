import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './Shell.tsx';
import { RequireSession } from './RequireSession.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { emailLinkPaths } from '@kringbouw/contracts';

const PasswordResetRequestPage = lazy(() => import('../features/auth/PasswordResetRequestPage.tsx'));
const PasswordResetConfirmPage = lazy(() => import('../features/auth/PasswordResetConfirmPage.tsx'));
const InvitationPage = lazy(() => import('../features/auth/InvitationPage.tsx'));
const ProjectListPage = lazy(() => import('../features/projects/ProjectListPage.tsx'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage.tsx'));
const ProjectCreatePage = lazy(() => import('../features/projects/ProjectCreatePage.tsx'));
const ProjectEditPage = lazy(() => import('../features/projects/ProjectEditPage.tsx'));
const OrganisationListPage = lazy(() => import('../features/organisations/OrganisationListPage.tsx'));
const OrganisationPage = lazy(() => import('../features/organisations/OrganisationPage.tsx'));
const OrganisationCreatePage = lazy(() => import('../features/organisations/OrganisationCreatePage.tsx'));
const OrganisationEditPage = lazy(() => import('../features/organisations/OrganisationEditPage.tsx'));
const PassportEditorPage = lazy(() => import('../features/passports/PassportEditorPage.tsx'));
const PassportImportPage = lazy(() => import('../features/passports/PassportImportPage.tsx'));
const PassportComparePage = lazy(() => import('../features/passports/PassportComparePage.tsx'));
const MethodPage = lazy(() => import('../features/passports/MethodPage.tsx'));
const MappingListPage = lazy(() => import('../features/mappings/MappingListPage.tsx'));
const KansenkaartPage = lazy(() => import('../features/kansenkaart/KansenkaartPage.tsx'));
const KansenkaartImportPage = lazy(() => import('../features/kansenkaart/ImportPage.tsx'));
const RenovationPage = lazy(() => import('../features/renovation/RenovationPage.tsx'));
const KansenkaartRulesPage = lazy(() => import('../features/kansenkaart/RulesPage.tsx'));
const MunicipalityDashboardPage = lazy(() => import('../features/monitoring/MunicipalityDashboardPage.tsx'));
const CityDealPage = lazy(() => import('../features/monitoring/CityDealPage.tsx'));
const AgreementListPage = lazy(() => import('../features/agreements/AgreementListPage.tsx'));
const AgreementCreatePage = lazy(() => import('../features/agreements/AgreementCreatePage.tsx'));
const AgreementPage = lazy(() => import('../features/agreements/AgreementPage.tsx'));

/** URL paths are Dutch: they appear in shared links. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/projecten" replace />} />
        <Route path="inloggen" element={<SignInPage />} />
        <Route path="wachtwoord-vergeten" element={<PasswordResetRequestPage />} />
        {/* E-mails link to <path>?token=…; the /<path>/<token> form is accepted too. */}
        <Route path={emailLinkPaths.passwordReset} element={<PasswordResetConfirmPage />} />
        <Route path={`${emailLinkPaths.passwordReset}/:token`} element={<PasswordResetConfirmPage />} />
        <Route path={emailLinkPaths.invitation} element={<InvitationPage />} />
        <Route path={`${emailLinkPaths.invitation}/:token`} element={<InvitationPage />} />
        <Route path="projecten" element={<RequireSession><ProjectListPage /></RequireSession>} />
        <Route path="projecten/nieuw" element={<RequireSession><ProjectCreatePage /></RequireSession>} />
        <Route path="projecten/:id" element={<RequireSession><ProjectDetailPage /></RequireSession>} />
        <Route path="projecten/:id/bewerken" element={<RequireSession><ProjectEditPage /></RequireSession>} />
        <Route path="projecten/:id/paspoorten/importeren" element={<RequireSession><PassportImportPage /></RequireSession>} />
        <Route path="projecten/:id/paspoorten/vergelijken" element={<RequireSession><PassportComparePage /></RequireSession>} />
        <Route path="projecten/:id/paspoorten/:versionId" element={<RequireSession><PassportEditorPage /></RequireSession>} />
        <Route path="methode" element={<MethodPage />} />
        <Route path="organisaties/:id/materiaalkoppelingen" element={<RequireSession><MappingListPage /></RequireSession>} />
        <Route path="kansenkaart" element={<RequireSession><KansenkaartPage /></RequireSession>} />
        <Route path="kansenkaart/importeren" element={<RequireSession><KansenkaartImportPage /></RequireSession>} />
        <Route path="kansenkaart/renovatie" element={<RequireSession><RenovationPage /></RequireSession>} />
        <Route path="kansenkaart/regels" element={<RequireSession><KansenkaartRulesPage /></RequireSession>} />
        <Route path="monitoring" element={<RequireSession><MunicipalityDashboardPage /></RequireSession>} />
        <Route path="monitoring/city-deal" element={<RequireSession><CityDealPage /></RequireSession>} />
        <Route path="prestatieafspraken" element={<RequireSession><AgreementListPage /></RequireSession>} />
        <Route path="prestatieafspraken/nieuw" element={<RequireSession><AgreementCreatePage /></RequireSession>} />
        <Route path="prestatieafspraken/:id" element={<RequireSession><AgreementPage /></RequireSession>} />
        <Route path="organisaties" element={<RequireSession><OrganisationListPage /></RequireSession>} />
        <Route path="organisaties/nieuw" element={<RequireSession><OrganisationCreatePage /></RequireSession>} />
        <Route path="organisaties/:id" element={<RequireSession><OrganisationPage /></RequireSession>} />
        <Route path="organisaties/:id/bewerken" element={<RequireSession><OrganisationEditPage /></RequireSession>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
